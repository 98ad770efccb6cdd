// Terminal views of the scheduler: one run (what each opted-in gateway needed), and a replayed period.

import type { ReplayResult, ScheduleResult } from '../domain/scheduler/schedule-result';

import { formatPrice, formatUsd, plural } from './format-numbers';
import { renderTextTable, wrapText } from './text-table';

const REASON_WIDTH = 70;
const HOURS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function hours(value: number): string {
  return `${HOURS.format(value)} h`;
}

export function renderScheduleTable(result: ScheduleResult): string {
  const rows = result.actions.map((a) => [
    a.newNatGatewayId ? `${a.natGatewayId}\n→ ${a.newNatGatewayId}` : a.natGatewayId,
    a.action,
    a.result,
    a.routeTableIds.join('\n') || '-',
    wrapText(a.reason, REASON_WIDTH).join('\n'),
  ]);
  const { summary } = result;
  return [
    `Scheduler run at ${result.at} (${result.region}): ${plural(result.actions.length, 'opted-in gateway')}`,
    '',
    rows.length > 0
      ? renderTextTable(['Gateway', 'Action', 'Result', 'Route tables', 'Reason'], rows, {
          separateRows: true,
        })
      : 'No gateway carries nat-optimizer:schedule.',
    '',
    `Parked ${summary.parked}, unparked ${summary.unparked}, postponed ${summary.postponed}, failed ${summary.failed}; ` +
      `≈ ${hours(summary.estimatedHoursSaved)} of gateway time saved by this run's parks.`,
  ].join('\n');
}

export function renderReplayTable(result: ReplayResult): string {
  const actionRows = result.actions.map((a) => [
    a.at,
    a.newNatGatewayId ? `${a.natGatewayId} → ${a.newNatGatewayId}` : a.natGatewayId,
    a.action,
    a.result,
    wrapText(a.reason, REASON_WIDTH).join('\n'),
  ]);
  const savingRows = result.gateways.map((g) => [
    g.natGatewayId,
    hours(g.hoursAllUp),
    hours(g.hoursUp),
    hours(g.hoursSaved),
    String(g.billedHoursSaved),
    formatUsd(g.dollarsSaved),
    formatUsd(g.publicIpv4WhileParked),
  ]);
  const t = result.totals;
  return [
    `Replay ${result.from} → ${result.to}, a run every ${result.stepMinutes} minutes (${result.runs} runs)`,
    '',
    actionRows.length > 0
      ? renderTextTable(['At', 'Gateway', 'Action', 'Result', 'Reason'], actionRows, { separateRows: true })
      : 'No action in this period.',
    '',
    renderTextTable(
      ['Scheduled gateway', 'All up', 'Up', 'Saved', 'Billed h saved', 'Saved ($)', 'EIP while parked'],
      savingRows,
      {
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        footer: [
          'Total',
          hours(t.hoursAllUp),
          hours(t.hoursUp),
          hours(t.hoursSaved),
          String(t.billedHoursSaved),
          formatUsd(t.dollarsSaved),
          formatUsd(t.publicIpv4WhileParked),
        ],
      },
    ),
    '',
    `NAT gateway at ${formatPrice(result.prices.natGatewayHourly)}/h (${result.prices.source}); each gateway's partial hour is billed as a full hour.`,
    `A parked gateway keeps its Elastic IP, still billed as a public IPv4 address at ${formatPrice(result.prices.publicIpv4Hourly)}/h: not a saving.`,
  ].join('\n');
}
