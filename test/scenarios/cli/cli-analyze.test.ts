// Contract 3: `nat-optimizer analyze` on a snapshot, its JSON shape and its other outputs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../lib/sim/snapshot-load';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { runCli, scratchDir } from '../../fixtures/cli-run';

const ANALYZE = ['analyze', '--snapshot', EXAMPLE_ACCOUNT];

describe('nat-optimizer analyze', () => {
  it('should exit 0 and print JSON with region, window, prices and totals', async () => {
    // Act
    const run = await runCli([...ANALYZE, '--json']);

    // Assess
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      region: 'us-east-1',
      window: { start: '2026-11-02T00:00:00.000Z', end: '2026-11-16T00:00:00.000Z', hours: 336 },
      prices: { natGatewayHourly: 0.045, natGatewayPerGb: 0.045, source: 'built-in' },
      totals: {
        cost: expect.any(Number),
        projectedMonthlyCost: expect.any(Number),
        estimatedMonthlySavings: expect.any(Number),
      },
    });
  });

  it('should print every gateway with the contract fields', async () => {
    // Act
    const run = await runCli([...ANALYZE, '--json']);

    // Assess
    const { natGateways } = JSON.parse(run.stdout);
    expect(natGateways).toHaveLength(7);
    for (const gateway of natGateways) {
      expect(gateway).toMatchObject({
        natGatewayId: expect.stringMatching(/^nat-/),
        vpcId: expect.stringMatching(/^vpc-/),
        availabilityZone: expect.stringMatching(/^us-east-1[a-c]$/),
        state: 'available',
        processedBytes: expect.any(Number),
        cost: { hourly: expect.any(Number), dataProcessing: expect.any(Number), total: expect.any(Number) },
        projectedMonthlyCost: expect.any(Number),
      });
      for (const finding of gateway.findings) {
        expect(Object.keys(finding)).toEqual(
          expect.arrayContaining(['code', 'severity', 'message', 'estimatedMonthlySavings']),
        );
      }
    }
  });

  it('should print the same JSON with --format json as with --json', async () => {
    // Act
    const flag = await runCli([...ANALYZE, '--json']);
    const format = await runCli([...ANALYZE, '--format', 'json']);

    // Assess
    expect(format.stdout).toBe(flag.stdout);
  });

  it('should print a Markdown report naming the gateways with --format md', async () => {
    // Act
    const run = await runCli([...ANALYZE, '--format', 'md']);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^#/m);
    expect(run.stdout).toContain('prod-nat-a');
    expect(run.stdout).toContain('|');
  });

  it('should print a self-contained HTML report with --format html', async () => {
    // Act
    const run = await runCli([...ANALYZE, '--format', 'html']);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout.trimStart().toLowerCase()).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain('<svg');
    expect(run.stdout).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('should print a plain table without colour codes with --format table when not on a terminal', async () => {
    // Act
    const run = await runCli([...ANALYZE, '--format', 'table']);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('forgotten-nat');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('should write the report to --output and print nothing', async () => {
    // Prepare
    const output = join(await scratchDir(), 'report.html');

    // Act
    const run = await runCli([...ANALYZE, '--format', 'html', '--output', output]);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(await readFile(output, 'utf8')).toContain('legacy-nat-a');
  });

  it('should write with --write-snapshot a snapshot that loads again, at the simulated clock, with the tags written', async () => {
    // Prepare
    const written = join(await scratchDir(), 'after.json');

    // Act
    const run = await runCli([...ANALYZE, '--json', '--write-snapshot', written]);

    // Assess
    const snapshot = parseSnapshot(await readFile(written, 'utf8'), written);
    expect(run.code).toBe(0);
    expect(snapshot.capturedAt).toBe('2026-11-16T00:00:00Z');
    expect(
      snapshot.natGateways.every((g) => g.tags['nat-optimizer:analyzed-at'] === '2026-11-16T00:00:00Z'),
    ).toBe(true);
  });

  it('should refuse --write-snapshot without --snapshot with exit 2', async () => {
    // Act
    const run = await runCli(['analyze', '--write-snapshot', 'x.json', '--region', 'us-east-1']);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--write-snapshot needs --snapshot');
  });
});
