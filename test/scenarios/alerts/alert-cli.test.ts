// Contract 3: `nat-optimizer alert` on a snapshot, its JSON and its refusals.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { editedExample, runCli } from '../../fixtures/cli-run';
import { multiplyDay } from './alert-fixture';

const BAD_INPUT = 2;

function jumped(snapshot: Snapshot): Snapshot {
  multiplyDay(snapshot, 'prod-nat-b', 5);
  return snapshot;
}

describe('nat-optimizer alert', () => {
  it('should print the Contract 3 JSON for the day before the snapshot clock', async () => {
    // Prepare
    const path = await editedExample(jumped);

    // Act
    const run = await runCli(['alert', '--snapshot', path, '--json']);

    // Assess
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ date: '2026-11-15', published: true });
    expect(json.alerts).toEqual([
      expect.objectContaining({
        natGatewayId: expect.stringMatching(/^nat-/),
        kind: 'anomaly',
        cost: expect.any(Number),
        baseline: expect.any(Number),
        subject: expect.stringContaining('prod-nat-b'),
        message: expect.stringContaining('ANOMALY - prod-nat-b'),
      }),
    ]);
  });

  it('should print no alert and publish nothing on the unchanged example account', async () => {
    // Act
    const run = await runCli(['alert', '--snapshot', EXAMPLE_ACCOUNT, '--json']);

    // Assess
    expect(JSON.parse(run.stdout)).toMatchObject({ date: '2026-11-15', alerts: [], published: false });
  });

  it('should alert on the day asked for with --date', async () => {
    // Act
    const run = await runCli(['alert', '--snapshot', EXAMPLE_ACCOUNT, '--json', '--date', '2026-11-10']);

    // Assess
    expect(JSON.parse(run.stdout).date).toBe('2026-11-10');
  });

  it('should print the gateways and the message as a table by default', async () => {
    // Prepare
    const path = await editedExample(jumped);

    // Act
    const run = await runCli(['alert', '--snapshot', path]);

    // Assess
    expect(run.stdout).toContain('Daily cost alert for us-east-1, 2026-11-15 (UTC): 1 new alert');
    expect(run.stdout).toContain('Subject: NAT cost anomaly: prod-nat-b us-east-1');
  });

  it('should exit 2 naming a --date that is not a day', async () => {
    // Act
    const run = await runCli(['alert', '--snapshot', EXAMPLE_ACCOUNT, '--date', '15/11/2026']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('"15/11/2026"');
    expect(run.stdout).toBe('');
  });

  it('should exit 2 for a day that is not over on the simulated clock', async () => {
    // Act
    const run = await runCli(['alert', '--snapshot', EXAMPLE_ACCOUNT, '--date', '2026-11-16']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('2026-11-16 (UTC) is not over yet');
  });
});
