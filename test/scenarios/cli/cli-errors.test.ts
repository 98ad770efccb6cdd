// Contract 3: bad input ends with exit status 2 and a message that names the problem; nothing is printed on stdout.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { editedExample, runCli, scratchDir } from '../../fixtures/cli-run';

const BAD_INPUT = 2;

async function analyzeSnapshot(path: string) {
  return runCli(['analyze', '--snapshot', path, '--json']);
}

describe('nat-optimizer analyze on bad input', () => {
  it('should exit 2 naming the file when the snapshot is not JSON', async () => {
    // Prepare
    const path = join(await scratchDir(), 'broken.json');
    await writeFile(path, '{"format": "nat-optimizer/account-snapshot@1", ');

    // Act
    const run = await analyzeSnapshot(path);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain('not valid JSON');
    expect(run.stdout).toBe('');
  });

  it('should exit 2 naming the file when the snapshot does not exist', async () => {
    // Prepare
    const path = join(await scratchDir(), 'missing.json');

    // Act
    const run = await analyzeSnapshot(path);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain(path);
  });

  it('should exit 2 naming natGateways when the snapshot lacks it', async () => {
    // Prepare
    const path = await editedExample(({ natGateways: _dropped, ...rest }) => rest);

    // Act
    const run = await analyzeSnapshot(path);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toMatch(/natGateways: .*expected array/);
  });

  it('should exit 2 naming the route when a route has two targets', async () => {
    // Prepare
    const path = await editedExample((snapshot) => {
      const route = snapshot.routeTables[2]?.routes[1];
      if (route) route.gatewayId = 'igw-a9afb1aa2ffccdfd9';
      return snapshot;
    });

    // Act
    const run = await analyzeSnapshot(path);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('routeTables[2].routes[1]');
    expect(run.stderr).toContain('exactly one target');
  });

  it('should exit 2 naming the region and the override variable for a region without a price', async () => {
    // Prepare
    const path = await editedExample((snapshot) => ({ ...snapshot, region: 'xx-nowhere-1' }));

    // Act
    const run = await analyzeSnapshot(path);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('xx-nowhere-1');
    expect(run.stderr).toContain('NAT_OPTIMIZER_PRICE_OVERRIDES');
    expect(run.stdout).toBe('');
  });

  it('should analyse a region without a built-in price when an override gives one', async () => {
    // Prepare
    const path = await editedExample((snapshot) => ({ ...snapshot, region: 'xx-nowhere-1' }));
    process.env.NAT_OPTIMIZER_PRICE_OVERRIDES =
      '{"xx-nowhere-1":{"natGatewayHourly":0.05,"natGatewayPerGb":0.06}}';

    // Act
    const run = await analyzeSnapshot(path).finally(() => {
      delete process.env.NAT_OPTIMIZER_PRICE_OVERRIDES;
    });

    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).prices).toMatchObject({
      natGatewayHourly: 0.05,
      natGatewayPerGb: 0.06,
      source: 'override',
    });
  });

  it('should exit 2 naming the format for --format pdf, before reading the account', async () => {
    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--format', 'pdf']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('--format');
    expect(run.stderr).toContain('"pdf"');
  });

  it('should exit 2 naming an unknown option', async () => {
    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--colour']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain("unknown option '--colour'");
  });

  it('should exit 2 naming an unknown command', async () => {
    // Act
    const run = await runCli(['analyse']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('analyse');
  });

  it('should exit 2 when --region contradicts the snapshot region', async () => {
    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--region', 'eu-west-1']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('eu-west-1');
  });

  it('should exit 2 naming the variable when a configuration value is bad', async () => {
    // Prepare
    process.env.NAT_OPTIMIZER_ANALYSIS_DAYS = 'fortnight';

    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--json']).finally(() => {
      delete process.env.NAT_OPTIMIZER_ANALYSIS_DAYS;
    });

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('NAT_OPTIMIZER_ANALYSIS_DAYS');
    expect(run.stderr).toContain('fortnight');
  });

  it('should exit 2 for an instant without its offset, which would otherwise be read in local time', async () => {
    // Act
    const run = await runCli([
      'schedule',
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--at',
      '2026-11-16T08:00:00',
      '--json',
    ]);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('with its offset');
  });

  it('should exit 2 for a demo format it does not print', async () => {
    // Act
    const run = await runCli(['demo', '--format', 'xml']);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('nat-optimizer: --format must be table or html');
  });
});
