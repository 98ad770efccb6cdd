// The nightly run reads the figures the previous run left in the gateways' tags before it overwrites them, so the
// report can say what is new. Two runs chained through --write-snapshot, on the example account.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_TAGS } from '../../../lib/domain/tag-keys';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { runCli, scratchDir } from '../../fixtures/cli-run';

const PROD_NAT_A = 'nat-c96c07fb2aecb9170';

async function firstNight(): Promise<string> {
  const path = join(await scratchDir(), 'after-first-night.json');
  const first = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--json', '--write-snapshot', path]);
  expect(first.code).toBe(0);
  return path;
}

describe('what is new since the last report', () => {
  it('should say that the first report is the first', async () => {
    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--json']);

    // Assess
    expect(JSON.parse(run.stdout).sinceLastReport).toMatchObject({ previousAt: null, gateways: [] });
  });

  it('should compare the second night with the first and find nothing new when nothing changed', async () => {
    // Prepare
    const path = await firstNight();

    // Act
    const second = await runCli(['analyze', '--snapshot', path, '--json']);

    // Assess
    const changes = JSON.parse(second.stdout).sinceLastReport;
    expect(changes.previousAt).toBe('2026-11-16T00:00:00.000Z');
    expect(changes.comparedGateways).toBe(7);
    expect(changes.gateways).toEqual([]);
    expect(changes.totals.monthlyCost.before).toBeCloseTo(changes.totals.monthlyCost.after, 1);
  });

  it('should name a finding the previous run did not have', async () => {
    // Prepare: as if the first night had not seen prod-nat-a's S3 traffic.
    const path = await firstNight();
    const snapshot = JSON.parse(await readFile(path, 'utf8'));
    const gateway = snapshot.natGateways.find((g: { natGatewayId: string }) => g.natGatewayId === PROD_NAT_A);
    gateway.tags[ANALYSIS_TAGS.findings] = 'none';
    gateway.tags[ANALYSIS_TAGS.monthlySavings] = '0.00';
    await writeFile(path, JSON.stringify(snapshot));

    // Act
    const second = await runCli(['analyze', '--snapshot', path, '--json']);
    const html = await runCli(['analyze', '--snapshot', path, '--format', 'html']);

    // Assess
    const changes = JSON.parse(second.stdout).sinceLastReport;
    expect(changes.gateways).toEqual([
      expect.objectContaining({
        natGatewayId: PROD_NAT_A,
        newFindings: ['GATEWAY_ENDPOINT_S3'],
        isNew: false,
      }),
    ]);
    expect(html.stdout).toContain(`prod-nat-a (${PROD_NAT_A}): GATEWAY_ENDPOINT_S3`);
  });
});
