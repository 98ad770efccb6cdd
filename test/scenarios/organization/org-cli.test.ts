// `nat-optimizer org … --snapshot-dir`: the organisation's figures are each target's own analyze figures, a
// broken snapshot is one failed target, and the run fails (exit 1) only when every target failed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../../fixtures/cli-run';
import { BROKEN_TARGET, orgDir } from '../../fixtures/org-dir';

const cents = (usd: number) => Math.round(usd * 100);
let organisation: Awaited<ReturnType<typeof orgDir>>;

beforeAll(async () => {
  organisation = await orgDir();
});

describe('nat-optimizer org analyze --snapshot-dir', () => {
  it('should give each target the figures analyze gives on that snapshot alone, and their sum as totals', async () => {
    // Act
    const run = await runCli(['org', 'analyze', '--snapshot-dir', organisation.dir, '--json']);

    // Assess
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.targets).toHaveLength(7);
    const sums = { cost: 0, projectedMonthlyCost: 0, estimatedMonthlySavings: 0 };
    for (const [key, path] of organisation.files) {
      const alone = JSON.parse((await runCli(['analyze', '--snapshot', path, '--json'])).stdout);
      const target = report.targets.find(
        (t: { accountId: string; region: string }) => `${t.accountId}/${t.region}` === key,
      );
      expect(target).toMatchObject({ status: 'done', totals: alone.totals });
      expect(target.natGateways.map((g: { natGatewayId: string }) => g.natGatewayId)).toEqual(
        alone.natGateways.map((g: { natGatewayId: string }) => g.natGatewayId),
      );
      for (const field of ['cost', 'projectedMonthlyCost', 'estimatedMonthlySavings'] as const)
        sums[field] += alone.totals[field];
    }
    expect(cents(report.totals.cost)).toBe(cents(sums.cost));
    expect(cents(report.totals.projectedMonthlyCost)).toBe(cents(sums.projectedMonthlyCost));
    expect(cents(report.totals.estimatedMonthlySavings)).toBe(cents(sums.estimatedMonthlySavings));
  });

  it('should report the broken snapshot as one failed target with its reason, the others done', async () => {
    // Act
    const run = await runCli(['org', 'analyze', '--snapshot-dir', organisation.dir, '--json']);

    // Assess
    const report = JSON.parse(run.stdout);
    expect(report.failed).toBe(1);
    const failed = report.targets.filter((t: { status: string }) => t.status === 'failed');
    expect(failed).toEqual([
      expect.objectContaining({
        ...BROKEN_TARGET,
        status: 'failed',
        error: expect.stringMatching(/^(?!SnapshotError).*444444444444-us-east-1\.json is not valid JSON/),
        natGateways: [],
        totals: { cost: 0, projectedMonthlyCost: 0, estimatedMonthlySavings: 0 },
      }),
    ]);
    expect(report.byAccount.map((a: { key: string }) => a.key).sort()).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '444444444444',
    ]);
  });

  it('should exit 1 only when every target failed', async () => {
    // Prepare
    const dir = join(await scratchDir(), 'all-broken');
    await mkdir(dir);
    await writeFile(join(dir, '111111111111-us-east-1.json'), 'not json');
    await writeFile(join(dir, '222222222222-us-east-1.json'), '{}');

    // Act
    const run = await runCli(['org', 'analyze', '--snapshot-dir', dir, '--json']);

    // Assess
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).failed).toBe(2);
    expect(run.stderr).toContain('every one of the 2 targets failed');
  });

  it('should refuse an empty directory as bad input (exit 2)', async () => {
    // Act
    const run = await runCli(['org', 'analyze', '--snapshot-dir', await scratchDir()]);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no *.json account snapshot');
  });

  it('should render the account/region level above the gateways in HTML, text escaped', async () => {
    // Act
    const run = await runCli(['org', 'analyze', '--snapshot-dir', organisation.dir, '--format', 'html']);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<details class="account" open><summary>Account <code>111111111111</code>');
    expect(run.stdout).toContain('<h4 class="region">eu-west-1 <span class="badge done">done</span>');
    expect(run.stdout).toMatch(
      /<span class="badge failed">failed<\/span> [^<]*444444444444-us-east-1\.json is not valid JSON/,
    );
    expect(run.stdout).not.toMatch(/<script/i);
  });
});

describe('nat-optimizer org schedule and alert --snapshot-dir', () => {
  it('should run the scheduler on every target at one instant', async () => {
    // Act
    const run = await runCli([
      'org',
      'schedule',
      '--snapshot-dir',
      organisation.dir,
      '--at',
      '2026-11-16T02:00:00Z',
      '--json',
    ]);

    // Assess
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.job).toBe('schedule');
    const done = report.targets.filter((t: { status: string }) => t.status === 'done');
    expect(done).toHaveLength(6);
    for (const target of done) expect(target.summary).toMatchObject({ failed: 0 });
  });

  it('should compose one alert message naming the account and region of each alert', async () => {
    // Prepare: a limit every gateway's day crosses.
    process.env.NAT_OPTIMIZER_DAILY_LIMIT_USD = '0.5';

    // Act
    const run = await runCli([
      'org',
      'alert',
      '--snapshot-dir',
      organisation.dir,
      '--date',
      '2026-11-15',
      '--json',
    ]);

    // Assess
    delete process.env.NAT_OPTIMIZER_DAILY_LIMIT_USD;
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const message = report.delivery.message;
    expect(report.delivery.remembered).toBe(6);
    expect(message.body).toContain('Targets that failed (1):');
    expect(message.body).toMatch(/444444444444\/us-east-1: [^\n]*is not valid JSON/);
    const alerts = report.targets.flatMap((t: { alerts?: unknown[]; accountId: string; region: string }) =>
      (t.alerts ?? []).map(() => `Account ${t.accountId}, region ${t.region}`),
    );
    expect(alerts.length).toBeGreaterThanOrEqual(6);
    for (const heading of alerts) expect(message.body).toContain(heading);
    expect(message.subject).toMatch(/^NAT cost alerts \(\d+\) \d{12}\/[a-z]+-[a-z]+-\d: NAT cost /);
    expect(message.subject.length).toBeLessThan(100);
  });
});
