// The one SNS message of an organisation run: the analysis report across accounts, or every cost alert of the
// day, each naming its account and region. Plain text, bounded far below SNS's 256 KB, with an ASCII subject.
import type { OrgReport } from '../domain/organization/org-result';
import { formatUsd, formatUsdWhole, plural } from './format-numbers';
import { accountCount, failures, gatewayCount, placedGateways, where } from './org-summary';
import { snsSubject } from './sns-subject';
import { singleLine, truncate } from './text-table';

export interface OrgMessage {
  subject: string;
  body: string;
  attributes: Record<string, string>;
}

const BODY_BUDGET_BYTES = 200 * 1024;
const TOP_ROLLUPS = 50;
const TOP_GATEWAYS = 30;
const LISTED_FAILURES = 50;
const REASON_CHARS = 300;
const RULE = '-'.repeat(60);

/** Adds lines while the body stays within budget; says what was left out. */
function bounded(lines: readonly string[]): string {
  const kept: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    size += Buffer.byteLength(line, 'utf8') + 1;
    if (size > BODY_BUDGET_BYTES) {
      kept.push(
        `... ${lines.length - i} more lines did not fit: see the HTML report or run "nat-optimizer org".`,
      );
      break;
    }
    kept.push(line);
  }
  return `${kept.join('\n')}\n`;
}

function failureLines(report: OrgReport): string[] {
  const failed = failures(report);
  if (failed.length === 0) return [];
  return [
    '',
    RULE,
    `Targets that failed (${failed.length}):`,
    ...failed
      .slice(0, LISTED_FAILURES)
      .map((f) => `- ${where(f)}: ${truncate(singleLine(f.error), REASON_CHARS)}`),
    ...(failed.length > LISTED_FAILURES ? [`... and ${failed.length - LISTED_FAILURES} more.`] : []),
  ];
}

function scope(report: OrgReport): string {
  return `${plural(accountCount(report), 'account')}, ${plural(report.targets.length, 'account/region')}`;
}

export function composeOrgAnalysisMessage(report: OrgReport): OrgMessage {
  const { totals } = report;
  const subject = snsSubject(
    `NAT org report: ${formatUsdWhole(totals.projectedMonthlyCost)}/mo, save ~${formatUsdWhole(totals.estimatedMonthlySavings)}/mo` +
      ` (${plural(report.targets.length, 'target')}${report.failed > 0 ? `, ${report.failed} failed` : ''})`,
  );
  const rollupLine = (r: OrgReport['byAccount'][number]) =>
    `  ${r.key.padEnd(14)} ${formatUsd(r.totals.projectedMonthlyCost).padStart(14)}/month  save ${formatUsd(r.totals.estimatedMonthlySavings)}/month  (${plural(r.natGateways, 'gateway')}${r.failed > 0 ? `, ${r.failed} failed` : ''})`;
  const gateways = placedGateways(report).filter((p) => p.gateway.estimatedMonthlySavings > 0);
  const lines = [
    `NAT gateway report for the organisation: ${scope(report)}`,
    '',
    `  Could be saved:      ${formatUsd(totals.estimatedMonthlySavings)}/month`,
    `  Projected cost:      ${formatUsd(totals.projectedMonthlyCost)}/month for ${plural(gatewayCount(report), 'NAT gateway')}`,
    `  Cost in the windows: ${formatUsd(totals.cost)}`,
    '',
    RULE,
    'BY ACCOUNT',
    ...report.byAccount.slice(0, TOP_ROLLUPS).map(rollupLine),
    '',
    'BY REGION',
    ...report.byRegion.slice(0, TOP_ROLLUPS).map(rollupLine),
    ...(gateways.length > 0
      ? [
          '',
          RULE,
          'LARGEST SAVINGS',
          ...gateways
            .slice(0, TOP_GATEWAYS)
            .map(
              ({ accountId, region, gateway: g }, i) =>
                `${i + 1}. ${formatUsd(g.estimatedMonthlySavings)}/month  ${where({ accountId, region })}  ${truncate(singleLine(g.name || g.natGatewayId), 40)} (${g.natGatewayId})  ${(g.findings ?? []).join(' ')}`,
            ),
        ]
      : []),
    ...failureLines(report),
  ];
  return { subject, body: bounded(lines), attributes: { kind: 'org-report', job: report.job } };
}

/** null when there is nothing to say: no alert and no failed target. */
export function composeOrgAlertMessage(report: OrgReport): OrgMessage | null {
  const alerted = report.targets.flatMap((t) =>
    t.status === 'done' ? (t.alerts ?? []).map((alert) => ({ target: t, alert })) : [],
  );
  if (alerted.length === 0 && report.failed === 0) return null;
  alerted.sort((a, b) => b.alert.excess - a.alert.excess);
  const [top] = alerted;
  // The count first: SNS cuts a subject at 100 characters, and the worst alert's own subject is long.
  const subject = snsSubject(
    top
      ? `NAT cost alert${alerted.length > 1 ? `s (${alerted.length})` : ''} ${where(top.target)}: ${top.alert.subject}`
      : `NAT cost alerts: ${report.failed} of ${report.targets.length} targets could not be checked`,
  );
  const lines = [
    `NAT gateway cost alerts for the organisation: ${scope(report)}`,
    '',
    `${plural(alerted.length, 'alert')} in ${plural(new Set(alerted.map((a) => a.target.accountId)).size, 'account')}. Day cost of every gateway: ${formatUsd(report.totals.cost)}; month-end projection: ${formatUsd(report.totals.projectedMonthlyCost)}.`,
    ...alerted.flatMap(({ target, alert }) => [
      '',
      RULE,
      `Account ${target.accountId}, region ${target.region}`,
      alert.message,
    ]),
    ...failureLines(report),
  ];
  return {
    subject,
    body: bounded(lines),
    attributes: {
      kind: 'org-alert',
      job: report.job,
      severity: top?.alert.severity ?? 'medium',
      accounts: [...new Set(alerted.map((a) => a.target.accountId))].slice(0, 20).join(' ') || 'none',
    },
  };
}
