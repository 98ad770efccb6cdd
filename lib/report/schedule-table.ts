// Terminal views of the scheduler: one run (what each opted-in gateway needed), and a replayed period.

import type { ReplayResult, ScheduleResult } from '../domain/scheduler/schedule-result';

import { formatPrice, formatUsd, plural } from './format-numbers';
import { type Align, renderTextTable, wrapText } from './text-table';

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

export interface TableData {
  headers: string[];
  rows: string[][];
  align?: Align[];
  footer?: string[];
}

/** The replay's actions and what parking saved, as tables the terminal and the HTML demo both draw. */
export function replayTables(result: ReplayResult): {
  title: string;
  actions: TableData;
  savings: TableData;
  notes: string[];
} {
  const t = result.totals;
  return {
    title: `Replay ${result.from} → ${result.to}, a run every ${result.stepMinutes} minutes (${result.runs} runs)`,
    actions: {
      headers: ['At', 'Gateway', 'Action', 'Result', 'Reason'],
      rows: result.actions.map((a) => [
        a.at,
        a.newNatGatewayId ? `${a.natGatewayId} → ${a.newNatGatewayId}` : a.natGatewayId,
        a.action,
        a.result,
        wrapText(a.reason, REASON_WIDTH).join('\n'),
      ]),
    },
    savings: {
      headers: [
        'Scheduled gateway',
        'All up',
        'Up',
        'Saved',
        'Billed h saved',
        'Saved ($)',
        'EIP while parked',
      ],
      rows: result.gateways.map((g) => [
        g.natGatewayId,
        hours(g.hoursAllUp),
        hours(g.hoursUp),
        hours(g.hoursSaved),
        String(g.billedHoursSaved),
        formatUsd(g.dollarsSaved),
        formatUsd(g.publicIpv4WhileParked),
      ]),
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
    notes: [
      `NAT gateway at ${formatPrice(result.prices.natGatewayHourly)}/h (${result.prices.source}); each gateway's partial hour is billed as a full hour.`,
      `A parked gateway keeps its Elastic IP, still billed as a public IPv4 address at ${formatPrice(result.prices.publicIpv4Hourly)}/h: not a saving.`,
    ],
  };
}

export function renderReplayTable(result: ReplayResult): string {
  const { title, actions, savings, notes } = replayTables(result);
  return [
    title,
    '',
    actions.rows.length > 0
      ? renderTextTable(actions.headers, actions.rows, { separateRows: true })
      : 'No action in this period.',
    '',
    renderTextTable(savings.headers, savings.rows, {
      ...(savings.align ? { align: savings.align } : {}),
      ...(savings.footer ? { footer: savings.footer } : {}),
    }),
    '',
    ...notes,
  ].join('\n');
}
