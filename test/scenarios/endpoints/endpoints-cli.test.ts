// `nat-optimizer endpoints` and `nat-optimizer flow-logs setup` on the example snapshot.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { runCli, scratchDir } from '../../fixtures/cli-run';
import { EX } from './endpoints-fixture';

const PROD = ['endpoints', '--vpc', EX.prodVpc, '--snapshot', EXAMPLE_ACCOUNT];

describe('nat-optimizer endpoints', () => {
  it('should print the plan with the expected monthly saving and the SourceIp warning', async () => {
    // Act
    const run = await runCli(PROD);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('plan only (pass --apply to create)');
    expect(run.stdout).toContain('Expected saving: $721.71/month + unknown (nat-3091f24355ccdb5ba)');
    expect(run.stdout).toContain('aws:SourceIp');
  });

  it('should create the endpoints with --apply and find nothing left to do in the written snapshot', async () => {
    // Prepare
    const out = join(await scratchDir(), 'after.json');
    await runCli([...PROD, '--apply', '--write-snapshot', out]);

    // Act
    const again = await runCli(['endpoints', '--vpc', EX.prodVpc, '--snapshot', out, '--apply', '--json']);

    // Assess
    const json = JSON.parse(again.stdout);
    expect(json.steps.map((s: { action: string }) => s.action)).toEqual(['none', 'none']);
    expect(json.estimatedMonthlySavings).toBe(0);
  });

  it('should exit 2 on a policy file that is not a policy', async () => {
    // Prepare
    const policy = join(await scratchDir(), 'policy.json');
    await writeFile(policy, '{"Statement": []}');

    // Act
    const run = await runCli([...PROD, '--policy', policy]);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`nat-optimizer: ${policy}: Version:`);
  });

  it('should exit 2 on a malformed VPC id', async () => {
    // Act
    const run = await runCli(['endpoints', '--vpc', 'prod', '--snapshot', EXAMPLE_ACCOUNT]);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--vpc must be a VPC id');
  });
});

describe('nat-optimizer flow-logs setup', () => {
  it('should write the flow logs and the log group into the snapshot', async () => {
    // Prepare
    const out = join(await scratchDir(), 'after.json');

    // Act
    const run = await runCli([
      'flow-logs',
      'setup',
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--vpc',
      EX.stagingVpc,
      '--apply',
      '--role-arn',
      'arn:aws:iam::111122223333:role/flow-logs',
      '--log-group',
      '/test/flow',
      '--write-snapshot',
      out,
    ]);

    // Assess
    expect(run.code).toBe(0);
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.logGroups).toEqual([
      expect.objectContaining({ logGroupName: '/test/flow', retentionInDays: 30 }),
    ]);
    expect(written.flowLogs).toEqual([
      expect.objectContaining({ logGroupName: '/test/flow', resourceType: 'NetworkInterface' }),
    ]);
  });

  it('should exit 2 on a retention CloudWatch Logs does not offer', async () => {
    // Act
    const run = await runCli(['flow-logs', 'setup', '--snapshot', EXAMPLE_ACCOUNT, '--retention-days', '10']);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--retention-days must be one of');
  });
});
