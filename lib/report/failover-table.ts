// The terminal view of a failover run (`nat-optimizer failover` without --json), a recheck and an alarm sync;
// the tables as data too, for the HTML demo.

import type { AlarmSyncSummary } from '../domain/failover/failover-alarm-sync';
import type { FailoverAction, FailoverRunResult, GatewayOutcome } from '../domain/failover/failover-result';
import type { TableData } from './schedule-table';
import { renderTextTable } from './text-table';

/** The route tables a run moved (or tried to). */
export function movesData(actions: readonly FailoverAction[]): TableData {
  return {
    headers: ['route table', 'from', 'to', 'result', 'detail'],
    rows: actions.map((a) => [
      a.routeTableId,
      a.from ?? '—',
      a.to ?? '—',
      a.result,
      a.error ?? a.reason ?? '',
    ]),
  };
}

export function movesTable(actions: readonly FailoverAction[]): string {
  const data = movesData(actions);
  return data.rows.length > 0 ? renderTextTable(data.headers, data.rows) : 'No route table changed.';
}

/** What `failover --recheck` prints without --json: the alarm sync, then each gateway it planned again. */
export interface RecheckView {
  at: string;
  gateways: Readonly<GatewayOutcome & { recoverySeconds: number | null }>[];
  removedEmergencyGateways: string[];
  alarms: AlarmSyncSummary;
  routesMoved: number;
}

export function renderRecheckTable(result: RecheckView): string {
  const head = [
    `Failover recheck at ${result.at}: ${result.gateways.length} gateway(s) in ALARM or failed over, ${result.routesMoved} route(s) moved`,
  ];
  if (result.removedEmergencyGateways.length > 0)
    head.push(`Removed idle emergency gateway(s): ${result.removedEmergencyGateways.join(', ')}`);
  const gateways = result.gateways.flatMap((g) => [
    '',
    `${g.natGatewayId}: ${g.kind}${g.noTarget ? ' (no healthy target)' : ''}, alarm ${g.alarmState}${g.target ? `, target ${g.target}` : ''}`,
    g.reason,
    movesTable(g.actions),
  ]);
  return [...head, ...gateways, '', 'Alarms:', renderAlarmSyncTable(result.alarms)].join('\n');
}

/** What a failover run decided, one line each, above its table. */
export function failoverHeadLines(result: FailoverRunResult): string[] {
  const head = [
    `Alarm ${result.alarmName}: event ${result.state}, alarm now ${result.alarmState ?? 'n/a'}`,
    `NAT gateway: ${result.natGatewayId ?? 'unknown'} — outcome: ${result.outcome}`,
    result.reason,
  ];
  if (result.target) head.push(`Target: ${result.target}`);
  if (result.recoverySeconds !== null)
    head.push(`Alarm → last route replaced: ${result.recoverySeconds.toFixed(1)} s`);
  if (result.emergency) {
    const e = result.emergency;
    head.push(
      `Emergency gateway: ${e.natGatewayId ?? 'none'} in ${e.subnetId} (${e.availabilityZone}), EIP ${e.allocationId ?? 'none'} (${e.source}), ${e.result}`,
    );
  }
  if (result.removedEmergencyGateways.length > 0)
    head.push(`Removed emergency gateway(s): ${result.removedEmergencyGateways.join(', ')}`);
  if (result.notified.error) head.push(`Notification failed: ${result.notified.error}`);
  return head;
}

export function renderFailoverTable(result: FailoverRunResult): string {
  const head = failoverHeadLines(result);
  const table = movesTable(result.actions);
  const rejected = result.rejectedTargets.map((r) => `  not chosen: ${r.natGatewayId} — ${r.reason}`);
  return [...head, '', table, ...(rejected.length > 0 ? ['', ...rejected] : [])].join('\n');
}

/** One row per alarm: created, updated, deleted, unchanged or left alone, and why. */
export function alarmSyncData(summary: AlarmSyncSummary): TableData {
  return {
    headers: ['alarm / gateway', 'change', 'why'],
    rows: [
      ...summary.created.map((name) => [name, summary.planned ? 'create (planned)' : 'created', '']),
      ...summary.updated.map((name) => [name, summary.planned ? 'update (planned)' : 'updated', '']),
      ...summary.deleted.map((d) => [
        d.alarmName,
        summary.planned ? 'delete (planned)' : 'deleted',
        d.reason,
      ]),
      ...summary.unchanged.map((name) => [name, 'unchanged', '']),
      ...summary.skipped.map((s) => [s.alarmName ?? s.natGatewayId ?? '', 'left alone', s.reason]),
    ],
  };
}

export const NO_FAILOVER_ALARMS =
  'No NAT gateway is tagged nat-optimizer:failover=on and no failover alarm exists.';

export function renderAlarmSyncTable(summary: AlarmSyncSummary): string {
  const data = alarmSyncData(summary);
  return data.rows.length > 0 ? renderTextTable(data.headers, data.rows) : NO_FAILOVER_ALARMS;
}
