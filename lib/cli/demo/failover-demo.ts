// Demo part: a failover drill on the example account. prod-nat-a's alarm fires, its routes go to another AZ;
// an OK inside the minimum hold changes nothing; the 5-minute recheck after the hold moves them back.

import { configWith } from '../../config';
import type { AlarmStateChangeEvent, AlarmStateValue } from '../../domain/failover/failover-event';
import { alarmNameFor } from '../../domain/failover/failover-opt-in';
import type { FailoverAction } from '../../domain/failover/failover-result';
import { MINUTE_MS } from '../../domain/time-units';
import { renderAlarmSyncTable, renderFailoverTable } from '../../report/failover-table';
import { renderTextTable } from '../../report/text-table';
import { applyAlarmStateChange } from '../../sim/alarms';
import { simRuntime } from '../../sim/sim-runtime';
import { createSimulatedAccount } from '../../sim/simulated-account';
import { loadSnapshotFile } from '../../sim/snapshot-load';
import { publishedMessages } from '../../sim/sns';
import { syncFailoverAlarms } from '../../use-cases/failover/alarm-sync';
import { handleAlarmEvent, recheckFailovers } from '../../use-cases/failover/failover';
import type { DemoSection } from './demo-section';

const DRILL_GATEWAY_NAME = 'prod-nat-a';
const ALARM_AFTER_MINUTES = 3;
const EARLY_OK_AFTER_MINUTES = 6;
const RECHECK_AFTER_MINUTES = 15;

function drillEvent(natGatewayId: string, state: AlarmStateValue, at: Date): AlarmStateChangeEvent {
  return {
    'detail-type': 'CloudWatch Alarm State Change',
    source: 'aws.cloudwatch',
    time: at.toISOString(),
    detail: {
      alarmName: alarmNameFor(natGatewayId),
      state: { value: state, reason: `Drill: ${state}`, timestamp: at.toISOString() },
      configuration: {
        metrics: [
          {
            id: 'drops',
            returnData: false,
            metricStat: {
              metric: {
                namespace: 'AWS/NATGateway',
                name: 'PacketsDropCount',
                dimensions: { NatGatewayId: natGatewayId },
              },
              period: 60,
              stat: 'Sum',
            },
          },
        ],
      },
    },
  };
}

function movesTable(actions: FailoverAction[]): string {
  const rows = actions.map((a) => [a.routeTableId, a.from ?? '—', a.to ?? '—', a.result]);
  return rows.length > 0
    ? renderTextTable(['route table', 'from', 'to', 'result'], rows)
    : 'No route table changed.';
}

export async function failoverDemo(examplePath: string): Promise<DemoSection> {
  const snapshot = await loadSnapshotFile(examplePath);
  const account = createSimulatedAccount(snapshot);
  const { sim } = account;
  const runtime = simRuntime(account);
  const config = configWith('failover', {
    AWS_REGION: snapshot.region,
    NAT_OPTIMIZER_TOPIC_ARN: `arn:aws:sns:${snapshot.region}:${snapshot.accountId}:nat-optimizer-alerts`,
  });
  const gateway = snapshot.natGateways.find((g) => g.tags.Name === DRILL_GATEWAY_NAME);
  if (!gateway)
    return { title: 'Failover drill', text: `The snapshot has no gateway named ${DRILL_GATEWAY_NAME}.` };
  const start = sim.now().getTime();
  const at = (minutes: number) => new Date(start + minutes * MINUTE_MS);
  const deliver = (state: AlarmStateValue, minutes: number) => {
    sim.setClock(at(minutes));
    const event = drillEvent(gateway.natGatewayId, state, at(minutes));
    applyAlarmStateChange(sim, {
      alarmName: event.detail.alarmName,
      natGatewayId: gateway.natGatewayId,
      state,
      at: at(minutes),
    });
    return handleAlarmEvent(runtime, config, event);
  };

  const sync = await syncFailoverAlarms(runtime, config);
  const failover = await deliver('ALARM', ALARM_AFTER_MINUTES);
  const early = await deliver('OK', EARLY_OK_AFTER_MINUTES);
  sim.setClock(at(RECHECK_AFTER_MINUTES));
  const recheck = await recheckFailovers(runtime, config);
  const failback = recheck.gateways.find((g) => g.natGatewayId === gateway.natGatewayId);

  const text = [
    '1. Health alarms (alarms sync, as the nightly run does):',
    renderAlarmSyncTable(sync),
    '',
    `2. T+${ALARM_AFTER_MINUTES} min: ${DRILL_GATEWAY_NAME} (${gateway.natGatewayId}) goes to ALARM:`,
    renderFailoverTable(failover),
    '',
    `3. T+${EARLY_OK_AFTER_MINUTES} min: the alarm is OK again, inside the ${config.failover.settings.minHoldMinutes}-minute hold:`,
    early.reason,
    '',
    `4. T+${RECHECK_AFTER_MINUTES} min: the 5-minute recheck, hold passed, alarm still OK:`,
    failback ? `${failback.reason}\n${movesTable(failback.actions)}` : 'Nothing to move back.',
    '',
    `Messages published: ${
      publishedMessages(sim)
        .map((m) => `"${m.subject ?? ''}"`)
        .join(', ') || 'none'
    }`,
  ].join('\n');
  return { title: `Failover drill — ${DRILL_GATEWAY_NAME} fails and recovers`, text };
}
