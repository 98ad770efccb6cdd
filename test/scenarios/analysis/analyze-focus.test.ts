// analyze --top N and --min-saving USD: only the gateways worth reading, the totals still whole.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { runCli } from '../../fixtures/cli-run';

const BAD_INPUT = 2;

describe('analyze --top and --min-saving', () => {
  it('should list only the N gateways with the largest savings and sum up the others', async () => {
    // Act
    const all = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--json']);
    const top = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--json', '--top', '2']);
    const table = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--top', '2']);

    // Assess
    const full = JSON.parse(all.stdout);
    const focused = JSON.parse(top.stdout);
    expect(focused.natGateways.map((g: { name: string }) => g.name)).toEqual(['prod-nat-a', 'prod-nat-b']);
    expect(focused.totals).toEqual(full.totals);
    expect(table.stdout).toContain('Not listed (--top/--min-saving): 5 more gateways:');
    expect(table.stdout).not.toContain('legacy-nat-a');
    expect(table.stdout).toContain('Total (7)');
  });

  it('should list only gateways whose findings save at least the amount', async () => {
    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--json', '--min-saving', '30']);

    // Assess
    const names = JSON.parse(run.stdout).natGateways.map((g: { name: string }) => g.name);
    expect(names).toEqual(['prod-nat-a', 'prod-nat-b', 'forgotten-nat', 'legacy-nat-a']);
  });

  it.each([
    ['--top', '0'],
    ['--top', '2.5'],
    ['--min-saving', '-1'],
    ['--min-saving', 'lots'],
  ])('should refuse %s %s, naming the option', async (flag, value) => {
    // Act
    const run = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT, flag, value]);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain(`nat-optimizer: ${flag} must be`);
    expect(run.stdout).toBe('');
  });
});
