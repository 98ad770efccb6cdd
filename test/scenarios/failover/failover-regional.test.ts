// Failover and regional NAT gateways: health alarms per AZ (NatGatewayId + AvailabilityZone), ALARM reported but no
// route of a regional gateway ever moved, and a regional gateway never chosen as a target.

import { describe, expect, it } from 'vitest';
import { describeAlarms } from '../../../lib/aws/alarms';
import { buildFullConfig } from '../../../lib/config';
import { alarmNameFor, FAILOVER_ALARM_PREFIX } from '../../../lib/domain/failover/failover-opt-in';
import { USER_TAGS } from '../../../lib/domain/tag-keys';
import { applyAlarmStateChange } from '../../../lib/sim/alarms';
import { simRuntime } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../../../lib/sim/simulated-account';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { syncFailoverAlarms } from '../../../lib/use-cases/failover/alarm-sync';
import { handleAlarmEvent } from '../../../lib/use-cases/failover/failover';
import { PROD_REGIONAL, PROD_TABLES, PROD_ZONES, regionalSnapshot } from '../../fixtures/regional-account';
import { alarmEvent } from './failover-fixture';

const ZONE_ALARMS = PROD_ZONES.map((zone) => `${alarmNameFor(PROD_REGIONAL)}-${zone}`);

async function account(edit: (snapshot: Snapshot) => void = () => undefined) {
  const snapshot = await regionalSnapshot();
  const prod = snapshot.natGateways.find((g) => g.natGatewayId === PROD_REGIONAL);
  if (prod) prod.tags[USER_TAGS.failover] = 'on';
  edit(snapshot);
  const simulated = createSimulatedAccount(snapshot);
  return {
    ...simulated,
    runtime: simRuntime(simulated),
    config: buildFullConfig({ AWS_REGION: snapshot.region }),
  };
}

describe('failover alarms of a regional NAT gateway', () => {
  it('should keep one alarm per AZ it serves, every metric with NatGatewayId and AvailabilityZone', async () => {
    const { runtime, config } = await account();

    const summary = await syncFailoverAlarms(runtime, config);
    const alarms = await describeAlarms(runtime.clients.cloudwatch, FAILOVER_ALARM_PREFIX);

    expect(summary.created.sort()).toEqual(ZONE_ALARMS);
    for (const zone of PROD_ZONES) {
      const alarm = alarms.find((a) => a.alarmName === `${alarmNameFor(PROD_REGIONAL)}-${zone}`);
      const stats = (alarm?.definition.metrics ?? []).flatMap((m) => (m.metricStat ? [m.metricStat] : []));
      expect(alarm?.natGatewayId).toBe(PROD_REGIONAL);
      expect(stats.length).toBeGreaterThan(0);
      for (const stat of stats)
        expect(stat.dimensions).toEqual({ NatGatewayId: PROD_REGIONAL, AvailabilityZone: zone });
    }
  });

  it('should change nothing on a second run, and remove the alarm of an AZ the gateway no longer serves', async () => {
    const first = await account();
    await syncFailoverAlarms(first.runtime, first.config);
    expect((await syncFailoverAlarms(first.runtime, first.config)).unchanged.sort()).toEqual(ZONE_ALARMS);

    const prod = first.sim.state.natGateways.find((g) => g.natGatewayId === PROD_REGIONAL);
    prod?.availabilityZoneAddresses?.pop();
    const summary = await syncFailoverAlarms(first.runtime, first.config);

    expect(summary.deleted.map((d) => d.alarmName)).toEqual([`${alarmNameFor(PROD_REGIONAL)}-us-east-1c`]);
  });
});

describe('failover on ALARM of a regional NAT gateway', () => {
  it('should report it and move no route table', async () => {
    const { runtime, config, sim } = await account();
    await syncFailoverAlarms(runtime, config);
    const at = new Date(sim.now().getTime() + 60_000);
    sim.setClock(at);
    applyAlarmStateChange(sim, {
      alarmName: `${alarmNameFor(PROD_REGIONAL)}-us-east-1b`,
      natGatewayId: PROD_REGIONAL,
      state: 'ALARM',
      at,
    });
    const before = structuredClone(sim.state.routeTables);

    const result = await handleAlarmEvent(
      runtime,
      config,
      alarmEvent(PROD_REGIONAL, 'ALARM', at, 'us-east-1b'),
    );

    expect(result.actions).toEqual([]);
    expect(JSON.stringify(result)).toContain('regional NAT gateway: multi-AZ by itself');
    expect(sim.state.routeTables).toEqual(before);
    for (const table of PROD_TABLES)
      expect(sim.state.routeTables.find((t) => t.routeTableId === table)?.routes[1]?.natGatewayId).toBe(
        PROD_REGIONAL,
      );
  });
});
