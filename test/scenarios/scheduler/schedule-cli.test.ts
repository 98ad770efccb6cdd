// nat-optimizer schedule (Contract 3): one run at an instant, chained snapshots, a replay, and bad input.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARK_TAGS } from '../../../lib/domain/tag-keys';

import { loadSnapshotFile } from '../../../lib/sim/snapshot-load';
import { runCli, scratchDir } from '../../fixtures/cli-run';
import { DEV, EVENING, EXAMPLE_ACCOUNT, gatewayIn } from './schedule-fixture';

const BAD_INPUT = 2;

describe('nat-optimizer schedule', () => {
  it('should print the Contract 3 JSON of one run at --at', async () => {
    // Act
    const run = await runCli(['schedule', '--snapshot', EXAMPLE_ACCOUNT, '--at', EVENING, '--json']);

    // Assess
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.at).toBe(EVENING.replace('.000', ''));
    expect(output.actions).toEqual([
      expect.objectContaining({
        natGatewayId: DEV.nat,
        action: 'park',
        reason: expect.stringContaining('outside window Mon-Fri@07:00-19:00 (Europe/Berlin)'),
        routeTableIds: [DEV.privateTable],
        result: 'done',
      }),
    ]);
  });

  it('should write the parked account with --write-snapshot so the next run can unpark it', async () => {
    // Prepare
    const parked = join(await scratchDir(), 'parked.json');
    await runCli([
      'schedule',
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--at',
      EVENING,
      '--write-snapshot',
      parked,
      '--json',
    ]);

    // Act
    const run = await runCli(['schedule', '--snapshot', parked, '--at', '2026-11-17T06:00:00Z', '--json']);

    // Assess
    const written = await loadSnapshotFile(parked);
    expect(gatewayIn(written, DEV.nat)?.state).toBe('deleted');
    expect(written.capturedAt).toBe('2026-11-16T18:31:00Z');
    expect(JSON.parse(run.stdout).actions[0]).toMatchObject({ action: 'unpark', result: 'done' });
  });

  it('should exit 1 when an action failed, after printing it', async () => {
    // Prepare: a parked account whose record names a subnet that no longer exists.
    const parked = join(await scratchDir(), 'parked.json');
    await runCli(['schedule', '--snapshot', EXAMPLE_ACCOUNT, '--at', EVENING, '--write-snapshot', parked]);
    const text = await readFile(parked, 'utf8');
    await writeFile(
      parked,
      text.replaceAll(
        `"${PARK_TAGS.parkedSubnet}": "${DEV.publicSubnetA}"`,
        `"${PARK_TAGS.parkedSubnet}": "subnet-0000000000000dead"`,
      ),
    );

    // Act
    const run = await runCli(['schedule', '--snapshot', parked, '--at', '2026-11-17T06:00:00Z', '--json']);

    // Assess
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).actions[0]).toMatchObject({ action: 'unpark', result: 'failed' });
  });

  it('should refuse an --at earlier than the snapshot time with exit 2', async () => {
    // Act
    const run = await runCli([
      'schedule',
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--at',
      '2026-11-15T12:00:00Z',
      '--json',
    ]);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain('is earlier than the account');
    expect(run.stderr).not.toContain('SimClockError');
    expect(run.stdout).toBe('');
  });

  it('should replay a day and report each action and the hours and dollars saved', async () => {
    // Act
    const run = await runCli([
      'schedule',
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--from',
      '2026-11-16T00:00:00Z',
      '--to',
      '2026-11-17T00:00:00Z',
      '--step',
      '1h',
      '--json',
    ]);

    // Assess
    const output = JSON.parse(run.stdout);
    expect(output.actions.map((a: { at: string; action: string }) => `${a.at} ${a.action}`)).toEqual([
      '2026-11-16T00:00:00Z park',
      '2026-11-16T06:00:00Z unpark',
      '2026-11-16T18:00:00Z park',
    ]);
    expect(output.totals).toMatchObject({ hoursAllUp: 24, billedHoursSaved: 10 });
    expect(output.totals.dollarsSaved).toBeCloseTo(0.45, 10);
  });

  it('should print the replay as a table that says the EIP is still billed while parked', async () => {
    // Act
    const run = await runCli([
      'schedule',
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--from',
      '2026-11-16T00:00:00Z',
      '--to',
      '2026-11-16T12:00:00Z',
    ]);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('still billed as a public IPv4 address at $0.005/h');
  });

  it.each([
    [['--from', '2026-11-16T00:00:00Z'], 'needs both --from and --to'],
    [
      ['--from', '2026-11-16T00:00:00Z', '--to', '2026-11-17T00:00:00Z', '--step', '7x'],
      '--step must be a duration',
    ],
    [['--from', '2026-11-17T00:00:00Z', '--to', '2026-11-16T00:00:00Z'], 'must be after --from'],
    [['--at', 'tomorrow'], '--at must be an ISO-8601 instant'],
  ])('should exit 2 on bad options %j', async (args, message) => {
    // Act
    const run = await runCli(['schedule', '--snapshot', EXAMPLE_ACCOUNT, ...args]);

    // Assess
    expect(run.code).toBe(BAD_INPUT);
    expect(run.stderr).toContain(message);
  });

  it('should leave the snapshot file itself unchanged', async () => {
    // Prepare
    const before = await readFile(EXAMPLE_ACCOUNT, 'utf8');

    // Act
    await runCli(['schedule', '--snapshot', EXAMPLE_ACCOUNT, '--at', EVENING, '--json']);

    // Assess
    expect(await readFile(EXAMPLE_ACCOUNT, 'utf8')).toBe(before);
  });
});
