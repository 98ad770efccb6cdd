// The terminal view of an alert run: every gateway's day, then the message that went (or would go) out.

import type { CostAlertResult } from '../domain/alerts/alert-result';
import { formatUsd, plural } from './format-numbers';
import type { TableData } from './schedule-table';
import { renderTextTable, truncate } from './text-table';

const NAME_CHARS = 28;
const OUTCOME: Record<CostAlertResult['result'], string> = {
  sent: 'Sent to the SNS topic, with one EventBridge event per alert; the gateways remember it in tags.',
  planned: 'Nothing sent (read-only): run with --apply to send it.',
  'nothing-to-send': 'Nothing to send.',
  'no-topic': 'Nothing sent: no SNS topic (NAT_OPTIMIZER_TOPIC_ARN or --topic-arn).',
  collected: 'Collected for the organisation run, which sends one message across accounts.',
};

/** Every gateway's day and its alerts, as a table the terminal and the HTML demo both draw. */
export function alertTable(result: CostAlertResult): TableData {
  const alerted = new Map<string, string[]>();
  for (const alert of result.alerts) {
    if (alert.natGatewayId)
      alerted.set(alert.natGatewayId, [...(alerted.get(alert.natGatewayId) ?? []), alert.kind]);
  }
  for (const s of result.suppressed) {
    if (s.natGatewayId)
      alerted.set(s.natGatewayId, [...(alerted.get(s.natGatewayId) ?? []), `${s.kind} (sent earlier)`]);
  }
  return {
    headers: ['Gateway', 'Id', 'Day cost', 'Month to date', 'Month-end', 'Alert'],
    rows: result.gateways.map((g) => [
      truncate(g.name, NAME_CHARS),
      g.natGatewayId,
      formatUsd(g.dayCost),
      formatUsd(g.monthToDate),
      formatUsd(g.projectedMonthEnd),
      (alerted.get(g.natGatewayId) ?? []).join(', ') || '-',
    ]),
    align: ['left', 'left', 'right', 'right', 'right', 'left'],
    footer: [
      'Total',
      '',
      formatUsd(result.totals.dayCost),
      formatUsd(result.totals.monthToDate),
      formatUsd(result.totals.projectedMonthEnd),
      '',
    ],
  };
}

export function alertHeadline(result: CostAlertResult): string {
  return `Daily cost alert for ${result.region}, ${result.date} (${result.timezone}): ${plural(result.alerts.length, 'new alert')}, ${result.suppressed.length} sent earlier`;
}

export function alertOutcome(result: CostAlertResult): string {
  return OUTCOME[result.result];
}

export function renderAlertTable(result: CostAlertResult): string {
  const data = alertTable(result);
  const table = renderTextTable(data.headers, data.rows, {
    ...(data.align ? { align: data.align } : {}),
    ...(data.footer ? { footer: data.footer } : {}),
  });
  const lines = [alertHeadline(result), '', table, ...result.tagProblems.map((p) => `! ${p.message}`), ''];
  if (result.notification) {
    lines.push(`Subject: ${result.notification.subject}`, '', result.notification.body, '');
  }
  lines.push(alertOutcome(result));
  return lines.join('\n');
}
