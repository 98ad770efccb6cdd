// Whether another execution of a state machine is still running: the hub's scheduler run must not overlap the
// previous one (two writers on the same gateway), so it ends at once when one is.
import { paginateListExecutions, type SFNClient } from '@aws-sdk/client-sfn';

export async function otherRunningExecution(
  sfn: SFNClient,
  stateMachineArn: string,
  executionArn: string,
): Promise<string | undefined> {
  const pages = paginateListExecutions({ client: sfn }, { stateMachineArn, statusFilter: 'RUNNING' });
  for await (const page of pages)
    for (const execution of page.executions ?? [])
      if (execution.executionArn && execution.executionArn !== executionArn) return execution.executionArn;
  return undefined;
}
