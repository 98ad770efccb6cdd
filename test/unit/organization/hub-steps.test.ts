// The hub's steps on their own: the scheduler never overlaps its previous run, and the aggregate refuses Map
// results that do not match what the targets stored (a wrong ResultSelector or ItemsPath shows here).
import { describe, expect, it } from 'vitest';
import { orgTargetConfig } from '../../../lib/config';
import { failedTarget } from '../../../lib/domain/organization/org-result';
import { resultKey } from '../../../lib/domain/organization/result-store';
import { memoryResultStore } from '../../../lib/sim/memory-result-store';
import {
  aggregateStep,
  type HubDeps,
  HubStepError,
  targetsStep,
} from '../../../lib/use-cases/organization/hub-steps';

const TARGET = { accountId: '111111111111', region: 'us-east-1' };

function deps(running?: string): HubDeps {
  return {
    listTargets: async () => ({ targets: [TARGET], skippedAccounts: [] }),
    otherRunningExecution: async () => running,
    open: async () => {
      throw new Error('not opened in these tests');
    },
    store: memoryResultStore(),
    configFor: orgTargetConfig,
    now: () => new Date('2026-11-16T03:00:00Z'),
    simulated: true,
  };
}

const RUN = { runId: 'run-1', date: null, stateMachineArn: 'arn:sm', executionArn: 'arn:exec:run-1' };

describe('targetsStep', () => {
  it('should give the scheduler no target while its previous run is still running', async () => {
    const output = await targetsStep({ ...RUN, job: 'schedule' }, deps('arn:exec:run-0'));
    expect(output.targets).toEqual([]);
    expect(output.skippedAccounts).toEqual([
      { accountId: '*', reason: 'the previous run arn:exec:run-0 is still running' },
    ]);
  });

  it('should list the targets of the analysis whatever else runs', async () => {
    const output = await targetsStep({ ...RUN, job: 'analyze' }, deps('arn:exec:run-0'));
    expect(output.targets).toEqual([TARGET]);
    expect(output.at).toBe('2026-11-16T03:00:00.000Z');
  });
});

describe('aggregateStep', () => {
  const input = {
    job: 'analyze' as const,
    runId: 'run-1',
    date: null,
    at: '2026-11-16T03:00:00Z',
    targets: [TARGET],
    skippedAccounts: [],
  };

  it('should refuse a Map result without a status', async () => {
    await expect(aggregateStep({ ...input, results: [{ status: 'undefined' }] }, deps())).rejects.toThrow(
      HubStepError,
    );
  });

  it('should refuse a Map result that says done when the target stored nothing', async () => {
    await expect(aggregateStep({ ...input, results: [{ status: 'done' }] }, deps())).rejects.toThrow(
      /done, but nothing stored/,
    );
  });

  it('should refuse as many results as targets only', async () => {
    await expect(aggregateStep({ ...input, results: [] }, deps())).rejects.toThrow(
      '0 Map results for 1 targets',
    );
  });

  it('should report a failed target that stored nothing as not recorded', async () => {
    const { report } = await aggregateStep({ ...input, results: [{ status: 'failed' }] }, deps());
    expect(report.targets).toEqual([
      failedTarget(TARGET, 'no result was recorded for this target (its step did not finish)'),
    ]);
  });

  it('should keep the report next to the results, as JSON and HTML', async () => {
    const hub = deps();
    await hub.store.put(resultKey('run-1', 'analyze', TARGET), failedTarget(TARGET, 'AccessDenied: no role'));
    const { output } = await aggregateStep({ ...input, results: [{ status: 'failed' }] }, hub);
    expect(output).toMatchObject({ targets: 1, failed: 1, reportKey: 'runs/run-1/analyze/report' });
  });
});
