// The terminal view of an organisation run: one row per account/region, the totals, then the failures.
import type { OrgReport } from '../domain/organization/org-result';
import { formatCount, formatUsd, plural } from './format-numbers';
import { failures, JOB_TITLES, MONEY_LABELS, placedGateways, where } from './org-summary';
import { renderTextTable, singleLine, truncate } from './text-table';

const REASON_CHARS = 160;
const TOP_GATEWAYS = 20;

function notes(target: OrgReport['targets'][number]): string {
  if (target.status === 'failed') return truncate(singleLine(target.error), REASON_CHARS);
  return Object.entries(target.summary)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/** The scheduler computes no money: its table counts what it did instead. */
function scheduleTable(report: OrgReport): string {
  const count = (t: OrgReport['targets'][number], key: string) =>
    formatCount(t.status === 'done' ? (t.summary[key] ?? 0) : 0);
  return renderTextTable(
    ['Account', 'Region', 'Status', 'Opted in', 'Parked', 'Unparked', 'Failed', 'Notes'],
    report.targets.map((t) => [
      t.accountId,
      t.region,
      t.status,
      formatCount(t.natGateways.length),
      count(t, 'parked'),
      count(t, 'unparked'),
      count(t, 'failed'),
      t.status === 'failed' ? notes(t) : '',
    ]),
    { align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'] },
  );
}

function moneyTable(report: OrgReport): string {
  const labels = MONEY_LABELS[report.job];
  const rows = report.targets.map((t) => [
    t.accountId,
    t.region,
    t.status,
    formatCount(t.natGateways.length),
    formatUsd(t.totals.cost),
    formatUsd(t.totals.projectedMonthlyCost),
    formatUsd(t.totals.estimatedMonthlySavings),
    notes(t),
  ]);
  return renderTextTable(
    ['Account', 'Region', 'Status', 'Gateways', labels.cost, labels.projected, labels.savings, 'Notes'],
    rows,
    {
      align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
      footer: [
        `Total (${plural(report.targets.length, 'target')})`,
        '',
        `${report.failed} failed`,
        formatCount(report.targets.reduce((n, t) => n + t.natGateways.length, 0)),
        formatUsd(report.totals.cost),
        formatUsd(report.totals.projectedMonthlyCost),
        formatUsd(report.totals.estimatedMonthlySavings),
        '',
      ],
    },
  );
}

export function renderOrgTable(report: OrgReport): string {
  const labels = MONEY_LABELS[report.job];
  const table = report.job === 'schedule' ? scheduleTable(report) : moneyTable(report);
  const lines = [`${JOB_TITLES[report.job]} across the organisation`, '', table];
  const gateways = placedGateways(report).slice(0, TOP_GATEWAYS);
  if (report.job !== 'schedule' && gateways.length > 0) {
    lines.push('', `Gateways (first ${gateways.length}, largest saving first):`);
    lines.push(
      renderTextTable(
        ['Where', 'Gateway', 'Name', labels.projected, labels.savings, 'Findings'],
        gateways.map(({ accountId, region, gateway: g }) => [
          where({ accountId, region }),
          g.natGatewayId,
          truncate(singleLine(g.name), 28),
          formatUsd(g.projectedMonthlyCost),
          formatUsd(g.estimatedMonthlySavings),
          (g.findings ?? []).join(' '),
        ]),
        { align: ['left', 'left', 'left', 'right', 'right', 'left'] },
      ),
    );
  }
  if (report.job === 'schedule') {
    const acted = placedGateways(report).filter(
      (p) => p.gateway.action !== 'none' || p.gateway.result === 'failed',
    );
    lines.push('', acted.length > 0 ? 'Actions:' : 'No gateway was parked or unparked.');
    for (const { accountId, region, gateway: g } of acted)
      lines.push(
        `  ${where({ accountId, region })} ${g.natGatewayId}: ${g.action} ${g.result} (${truncate(singleLine(g.reason ?? ''), REASON_CHARS)})`,
      );
  }
  const failed = failures(report);
  if (failed.length > 0) {
    lines.push('', `Failed targets (${failed.length}):`);
    for (const f of failed) lines.push(`  ${where(f)}: ${truncate(singleLine(f.error), REASON_CHARS)}`);
  }
  if (report.skippedAccounts.length > 0)
    lines.push(
      '',
      `Accounts left out: ${report.skippedAccounts.map((s) => `${s.accountId} (${s.reason})`).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}
