// Demo part: a failover drill on the example account. prod-nat-a's alarm fires, its routes go to another AZ;
// an OK inside the minimum hold changes nothing; the 5-minute recheck after the hold moves them back.
import { configWith } from '../../config';
import type { AlarmStateChangeEvent, AlarmStateValue } from '../../domain/failover/failover-event';
import { alarmNameFor } from '../../domain/failover/failover-opt-in';
import { MINUTE_MS } from '../../domain/time-units';
import { alarmSyncData, failoverHeadLines, movesData, NO_FAILOVER_ALARMS } from '../../report/failover-table';
import { escapeHtml } from '../../report/html-escape';
import { htmlParagraphs, htmlTable } from '../../report/html-table';
import type { TableData } from '../../report/schedule-table';
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

/** One step of the drill: a heading line, lines of text, and a table (or the sentence that stands for none). */
interface DrillStep {
  heading: string;
  lines: string[];
  table?: { data: TableData; empty: string };
}

function stepText(step: DrillStep): string {
  const table = step.table
    ? step.table.data.rows.length > 0
      ? renderTextTable(step.table.data.headers, step.table.data.rows)
      : step.table.empty
    : undefined;
  return [step.heading, ...step.lines, ...(table === undefined ? [] : [table])].join('\n');
}

function stepHtml(step: DrillStep): string {
  const table = step.table
    ? step.table.data.rows.length > 0
      ? htmlTable(step.table.data.headers, step.table.data.rows)
      : htmlParagraphs([step.table.empty])
    : '';
  return `<h3>${escapeHtml(step.heading)}</h3>${htmlParagraphs(step.lines)}${table}`;
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
  if (!gateway) {
    const text = `The snapshot has no gateway named ${DRILL_GATEWAY_NAME}.`;
    return {
      title: 'Failover drill',
      text,
      html: { sections: [{ id: 'failover', title: 'Failover drill', body: htmlParagraphs([text]) }] },
    };
  }
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

  const published = publishedMessages(sim)
    .map((m) => `"${m.subject ?? ''}"`)
    .join(', ');
  const steps: DrillStep[] = [
    {
      heading: '1. Health alarms (alarms sync, as the nightly run does):',
      lines: [],
      table: { data: alarmSyncData(sync), empty: NO_FAILOVER_ALARMS },
    },
    {
      heading: `2. T+${ALARM_AFTER_MINUTES} min: ${DRILL_GATEWAY_NAME} (${gateway.natGatewayId}) goes to ALARM:`,
      lines: failoverHeadLines(failover),
      table: { data: movesData(failover.actions), empty: 'No route table changed.' },
    },
    {
      heading: `3. T+${EARLY_OK_AFTER_MINUTES} min: the alarm is OK again, inside the ${config.failover.settings.minHoldMinutes}-minute hold:`,
      lines: [early.reason],
    },
    {
      heading: `4. T+${RECHECK_AFTER_MINUTES} min: the 5-minute recheck, hold passed, alarm still OK:`,
      lines: failback ? [failback.reason] : ['Nothing to move back.'],
      ...(failback ? { table: { data: movesData(failback.actions), empty: 'No route table changed.' } } : {}),
    },
    { heading: `Messages published: ${published || 'none'}`, lines: [] },
  ];
  const text = steps.map(stepText).join('\n\n');
  const title = `Failover drill — ${DRILL_GATEWAY_NAME} fails and recovers`;
  return {
    title,
    text,
    html: {
      sections: [{ id: 'failover', navLabel: 'failover drill', title, body: steps.map(stepHtml).join('\n') }],
    },
  };
}
