// Whether another execution of the hub's scheduler still runs: every page of RUNNING executions, itself excluded.
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { otherRunningExecution } from '../../lib/aws/executions';

const sfn = mockClient(SFNClient);
const client = new SFNClient({ region: 'us-east-1' });
const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:nat-optimizer-hub-prod-schedule';
const execution = (name: string) =>
  `arn:aws:states:us-east-1:123456789012:execution:nat-optimizer-hub-prod-schedule:${name}`;
const listed = (name: string) => ({
  executionArn: execution(name),
  stateMachineArn: MACHINE,
  name,
  status: 'RUNNING' as const,
  startDate: new Date(),
});

beforeEach(() => sfn.reset());

describe('otherRunningExecution', () => {
  it('should find a running execution other than this one, on a later page', async () => {
    // Prepare
    sfn
      .on(ListExecutionsCommand, { stateMachineArn: MACHINE, statusFilter: 'RUNNING', nextToken: undefined })
      .resolves({ executions: [listed('this-run')], nextToken: 'p2' })
      .on(ListExecutionsCommand, { stateMachineArn: MACHINE, statusFilter: 'RUNNING', nextToken: 'p2' })
      .resolves({ executions: [listed('previous-run')] });

    // Act
    const running = await otherRunningExecution(client, MACHINE, execution('this-run'));

    // Assess
    expect(running).toBe(execution('previous-run'));
  });

  it('should find none when only this execution runs', async () => {
    sfn.on(ListExecutionsCommand).resolves({ executions: [listed('this-run')] });
    expect(await otherRunningExecution(client, MACHINE, execution('this-run'))).toBeUndefined();
  });
});
