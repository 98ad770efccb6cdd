// The hub's state machine as deployed (the ASL read from the packaged template), run locally against the
// simulated organisation: the same org report as the CLI, one failing target never failing the run, retries.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgReport } from '../../../lib/domain/organization/org-result';
import type { memoryResultStore } from '../../../lib/sim/memory-result-store';
import { loadSnapshotDir, simulatedHubDeps } from '../../../lib/sim/sim-organization';
import { type FaultInjection, runHubStateMachine } from '../../../scripts/local-state-machine';
import { stateMachineDefinition } from '../../deploy/hub-template';
import { runCli } from '../../fixtures/cli-run';
import { BROKEN_TARGET, ORG_ACCOUNTS, ORG_REGIONS, orgDir } from '../../fixtures/org-dir';

const ACCESS = { rolePrefix: 'nat-optimizer-org', externalId: 'test-external-id', hubRegion: 'us-east-1' };
const RUN = 'nightly-2026-11-16';
let organisation: Awaited<ReturnType<typeof orgDir>>;

beforeAll(async () => {
  organisation = await orgDir();
});

async function simulatedHub(extraTargets: Array<{ accountId: string; region: string }> = []) {
  const entries = await loadSnapshotDir(organisation.dir);
  return simulatedHubDeps(entries, { access: ACCESS, now: new Date('2026-11-16T03:00:00Z'), extraTargets });
}

function storedReport(store: ReturnType<typeof memoryResultStore>, job = 'analyze'): OrgReport {
  const text = store.objects.get(`runs/${RUN}/${job}/report.json`);
  if (text === undefined) throw new Error('no report stored');
  return JSON.parse(text);
}

/** What the CLI and the state machine must agree on: everything but where a result came from and when. */
function comparable(report: OrgReport) {
  return {
    ...report,
    generatedAt: undefined,
    targets: report.targets.map(({ source: _source, ...target }) => target),
  };
}

describe('hub state machine (packaged ASL, run locally)', () => {
  it('should produce the same organisation report as nat-optimizer org analyze', async () => {
    // Prepare
    const { deps, store } = await simulatedHub();

    // Act
    const run = await runHubStateMachine(stateMachineDefinition('OrgAnalyzeStateMachine'), deps, {
      executionName: RUN,
    });
    const cli = JSON.parse(
      (await runCli(['org', 'analyze', '--snapshot-dir', organisation.dir, '--json'])).stdout,
    );

    // Assess
    const report = storedReport(store);
    expect(report.targets).toHaveLength(ORG_ACCOUNTS.length * ORG_REGIONS.length + 1);
    const { delivery: _delivery, ...cliReport } = cli;
    expect(comparable(report)).toEqual(comparable(cliReport));
    expect(run.output).toMatchObject({
      report: { job: 'analyze', runId: RUN, targets: 7, failed: 1, totals: report.totals },
    });
  });

  it('should record the broken target as failed with the reason Lambda gave, and finish the run', async () => {
    // Prepare
    const { deps, store } = await simulatedHub();

    // Act
    const run = await runHubStateMachine(stateMachineDefinition('OrgAnalyzeStateMachine'), deps, {
      executionName: RUN,
    });

    // Assess
    const failed = storedReport(store).targets.filter((t) => t.status === 'failed');
    expect(failed).toEqual([
      expect.objectContaining({
        ...BROKEN_TARGET,
        error: expect.stringMatching(/^(?!SnapshotError).*444444444444-us-east-1\.json is not valid JSON/),
      }),
    ]);
    expect(run.invocations.get('OrgRecordFailureLambdaFunction')).toBe(1);
    expect(run.invocations.get('OrgAnalyzeTargetLambdaFunction')).toBe(7);
  });

  it('should fail a target whose member role refuses the hub, through STS with the external id', async () => {
    // Prepare
    const stranger = { accountId: '555555555555', region: 'us-east-1' };
    const { deps, store, org } = await simulatedHub([stranger]);

    // Act
    await runHubStateMachine(stateMachineDefinition('OrgAnalyzeStateMachine'), deps, { executionName: RUN });

    // Assess
    const target = storedReport(store).targets.find((t) => t.accountId === stranger.accountId);
    expect(target).toMatchObject({
      status: 'failed',
      error: expect.stringContaining(
        'AccessDenied: User: arn:aws:sts::000000000000:assumed-role/nat-optimizer-hub/worker is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::555555555555:role/nat-optimizer-org-analyze',
      ),
    });
    // One role per account and job for the run: both regions of an account share its credentials.
    expect(org.sts.calls).toBe(ORG_ACCOUNTS.length + 2);
  });

  it('should retry a target on Lambda throttling and finish it done', async () => {
    // Prepare
    const { deps, store } = await simulatedHub();
    let refused = 0;
    const faults: FaultInjection = (fn, payload) => {
      if (fn !== 'OrgAnalyzeTargetLambdaFunction' || payload.accountId !== '222222222222' || refused >= 2)
        return undefined;
      refused += 1;
      return Object.assign(new Error('Rate exceeded'), { name: 'Lambda.TooManyRequestsException' });
    };

    // Act
    const run = await runHubStateMachine(stateMachineDefinition('OrgAnalyzeStateMachine'), deps, {
      executionName: RUN,
      faults,
    });

    // Assess
    expect(run.retries.filter((r) => r.state === 'RunJob')).toHaveLength(2);
    const report = storedReport(store);
    expect(report.targets.filter((t) => t.accountId === '222222222222').map((t) => t.status)).toEqual([
      'done',
      'done',
    ]);
    expect(report.failed).toBe(1);
  });

  it('should not retry a target whose job failed for good, and record it failed', async () => {
    // Prepare
    const { deps, store } = await simulatedHub();
    const faults: FaultInjection = (fn, payload) =>
      fn === 'OrgAnalyzeTargetLambdaFunction' &&
      payload.accountId === '111111111111' &&
      payload.region === 'eu-west-1'
        ? Object.assign(new Error('an unexpected answer'), { name: 'UnauthorizedOperation' })
        : undefined;

    // Act
    const run = await runHubStateMachine(stateMachineDefinition('OrgAnalyzeStateMachine'), deps, {
      executionName: RUN,
      faults,
    });

    // Assess
    expect(run.retries).toEqual([]);
    const target = storedReport(store).targets.find(
      (t) => t.accountId === '111111111111' && t.region === 'eu-west-1',
    );
    expect(target).toMatchObject({ status: 'failed', error: 'UnauthorizedOperation: an unexpected answer' });
  });

  it('should count its state transitions: three top-level states and one per target, one more per failure', async () => {
    // Prepare
    const { deps } = await simulatedHub();

    // Act
    const run = await runHubStateMachine(stateMachineDefinition('OrgAnalyzeStateMachine'), deps, {
      executionName: RUN,
    });

    // Assess
    expect(run.transitions).toBe(3 + 7 + 1);
  });

  it('should send one alert message for the organisation, naming the account and region of each alert', async () => {
    // Prepare
    const { deps, store } = await simulatedHub();

    // Act
    await runHubStateMachine(stateMachineDefinition('OrgAlertStateMachine'), deps, {
      executionName: RUN,
      input: { date: '2026-11-15' },
    });

    // Assess
    const report = storedReport(store, 'alert');
    expect(report.job).toBe('alert');
    expect(report.failed).toBe(1);
    expect(store.objects.get(`runs/${RUN}/alert/report.html`)).toContain('<details class="account" open>');
  });
});
