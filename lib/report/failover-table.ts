// The terminal view of a failover run (`nat-optimizer failover` without --json) and of an alarm sync.

import type { AlarmSyncSummary } from '../domain/failover/failover-alarm-sync';
import type { FailoverRunResult } from '../domain/failover/failover-result';

import { renderTextTable } from './text-table';

export function renderFailoverTable(result: FailoverRunResult): string {
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
  const rows = result.actions.map((a) => [
    a.routeTableId,
    a.from ?? '—',
    a.to ?? '—',
    a.result,
    a.error ?? a.reason ?? '',
  ]);
  const table =
    rows.length > 0
      ? renderTextTable(['route table', 'from', 'to', 'result', 'detail'], rows)
      : 'No route table changed.';
  const rejected = result.rejectedTargets.map((r) => `  not chosen: ${r.natGatewayId} — ${r.reason}`);
  return [...head, '', table, ...(rejected.length > 0 ? ['', ...rejected] : [])].join('\n');
}

export function renderAlarmSyncTable(summary: AlarmSyncSummary): string {
  const rows = [
    ...summary.created.map((name) => [name, summary.planned ? 'create (planned)' : 'created', '']),
    ...summary.updated.map((name) => [name, summary.planned ? 'update (planned)' : 'updated', '']),
    ...summary.deleted.map((d) => [d.alarmName, summary.planned ? 'delete (planned)' : 'deleted', d.reason]),
    ...summary.unchanged.map((name) => [name, 'unchanged', '']),
    ...summary.skipped.map((s) => [s.alarmName ?? s.natGatewayId ?? '', 'left alone', s.reason]),
  ];
  return rows.length > 0
    ? renderTextTable(['alarm / gateway', 'change', 'why'], rows)
    : 'No NAT gateway is tagged nat-optimizer:failover=on and no failover alarm exists.';
}
