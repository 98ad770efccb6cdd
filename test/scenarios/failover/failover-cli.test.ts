// nat-optimizer failover --event FILE on the example snapshot (Contract 3), chained through --write-snapshot.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { runCli, scratchDir } from '../../fixtures/cli-run';
import { IDS } from './failover-fixture';

const eventFile = (name: string) =>
  fileURLToPath(new URL(`../../../events/failover-${name}.json`, import.meta.url));

describe('nat-optimizer failover', () => {
  it('should print the Contract 3 JSON of a failover of the example prod gateway', async () => {
    // Act
    const run = await runCli([
      'failover',
      '--event',
      eventFile('alarm'),
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--json',
    ]);

    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      alarmName: `nat-optimizer-failover-${IDS.prodNatA}`,
      natGatewayId: IDS.prodNatA,
      state: 'ALARM',
      actions: [{ routeTableId: IDS.prodPrivateA, from: IDS.prodNatA, to: IDS.prodNatB, result: 'done' }],
    });
  });

  it('should fail back on the OK event run on the snapshot the ALARM run wrote', async () => {
    // Prepare
    const afterAlarm = join(await scratchDir(), 'after-alarm.json');
    await runCli([
      'failover',
      '--event',
      eventFile('alarm'),
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--write-snapshot',
      afterAlarm,
    ]);

    // Act
    const run = await runCli(['failover', '--event', eventFile('ok'), '--snapshot', afterAlarm, '--json']);

    // Assess
    expect(JSON.parse(run.stdout)).toMatchObject({
      state: 'OK',
      outcome: 'failback',
      actions: [{ routeTableId: IDS.prodPrivateA, from: IDS.prodNatB, to: IDS.prodNatA, result: 'done' }],
    });
  });

  it('should keep the alarm state and the failover record in the written snapshot', async () => {
    // Prepare
    const afterAlarm = join(await scratchDir(), 'after-alarm.json');

    // Act
    await runCli([
      'failover',
      '--event',
      eventFile('alarm'),
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--write-snapshot',
      afterAlarm,
    ]);

    // Assess
    const written = JSON.parse(await readFile(afterAlarm, 'utf8'));
    expect(written.alarms).toEqual([
      expect.objectContaining({
        natGatewayId: IDS.prodNatA,
        state: 'ALARM',
        stateUpdatedAt: '2026-11-16T00:03:00.418Z',
      }),
    ]);
    expect(written.capturedAt).toBe('2026-11-16T00:03:01Z');
  });

  it('should ignore an alarm that is not the optimizer own and say why', async () => {
    // Act
    const run = await runCli([
      'failover',
      '--event',
      eventFile('not-ours'),
      '--snapshot',
      EXAMPLE_ACCOUNT,
      '--json',
    ]);

    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'ignored', actions: [], natGatewayId: null });
  });

  it('should refuse an event that is not an alarm state change with exit status 2, naming the field', async () => {
    // Prepare
    const bad = join(await scratchDir(), 'bad.json');
    const event = JSON.parse(await readFile(eventFile('alarm'), 'utf8'));
    event.detail.state.value = 'BROKEN';
    await writeFile(bad, JSON.stringify(event));

    // Act
    const run = await runCli(['failover', '--event', bad, '--snapshot', EXAMPLE_ACCOUNT, '--json']);

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('detail.state.value');
  });

  it('should create the alarms of the three prod gateways with alarms sync', async () => {
    // Act
    const run = await runCli(['alarms', 'sync', '--snapshot', EXAMPLE_ACCOUNT, '--json']);

    // Assess
    expect(JSON.parse(run.stdout).created.sort()).toEqual(
      [IDS.prodNatA, IDS.prodNatB, IDS.prodNatC].map((id) => `nat-optimizer-failover-${id}`).sort(),
    );
  });
});
