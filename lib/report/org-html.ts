// The organisation report as one self-contained HTML page: the analysis report's look (same stylesheet, escaping
// and number formats) with an account and a region level above the gateways, and the targets that failed.
import type { OrgReport, OrgRollup, TargetResult } from '../domain/organization/org-result';
import { formatCount, formatUsd, plural } from './format-numbers';
import { formatUtc } from './format-time';
import { escapeHtml } from './html-escape';
import { REPORT_CSS } from './html-styles';
import { accountCount, failures, gatewayCount, JOB_TITLES, MONEY_LABELS, where } from './org-summary';

const e = escapeHtml;

/** The only additions to the analysis report's stylesheet: a status badge per target and nested account blocks. */
const ORG_CSS = `
.badge.done { color: var(--save); background: var(--save-bg); }
.badge.failed { color: var(--high); background: var(--high-bg); }
details.account { border: 1px solid var(--border); border-radius: 10px; padding: 8px 16px; margin: 10px 0; }
details.account summary { cursor: pointer; font-weight: 600; }
details.account summary .muted { font-weight: 400; margin-left: 8px; }
h4.region { margin: 14px 0 4px; font-size: 14px; }
`;

function kpi(kind: string, label: string, value: string, sub: string): string {
  return `<div class="kpi ${kind}"><div class="label">${e(label)}</div><div class="value">${value}</div><div class="sub">${e(sub)}</div></div>`;
}

function rollupTable(title: string, rollups: readonly OrgRollup[], report: OrgReport): string {
  const labels = MONEY_LABELS[report.job];
  const rows = rollups.map(
    (r) =>
      `<tr><td><code>${e(r.key)}</code></td><td class="num">${formatCount(r.targets)}</td><td class="num">${formatCount(r.failed)}</td><td class="num">${formatCount(r.natGateways)}</td><td class="num">${e(formatUsd(r.totals.cost))}</td><td class="num">${e(formatUsd(r.totals.projectedMonthlyCost))}</td><td class="num">${e(formatUsd(r.totals.estimatedMonthlySavings))}</td></tr>`,
  );
  return `<div class="table-wrap"><table class="data"><thead><tr><th>${e(title)}</th><th class="num">Targets</th><th class="num">Failed</th><th class="num">Gateways</th><th class="num">${e(labels.cost)}</th><th class="num">${e(labels.projected)}</th><th class="num">${e(labels.savings)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function gatewayRows(target: TargetResult, report: OrgReport): string {
  if (target.status === 'failed') return `<p><span class="badge failed">failed</span> ${e(target.error)}</p>`;
  if (target.natGateways.length === 0) return '<p class="muted">No NAT gateways.</p>';
  const labels = MONEY_LABELS[report.job];
  const detail = report.job === 'schedule' ? 'Action' : 'Findings';
  const rows = target.natGateways.map((g) => {
    const what =
      report.job === 'schedule'
        ? `${e(g.action ?? '')} ${e(g.result ?? '')}: ${e(g.reason ?? '')}`
        : (g.findings ?? []).map((code) => `<span class="chip">${e(code)}</span>`).join('');
    return `<tr><td>${e(g.name || '—')}</td><td><code>${e(g.natGatewayId)}</code></td><td>${e(g.state)}</td><td class="num">${e(formatUsd(g.cost))}</td><td class="num">${e(formatUsd(g.projectedMonthlyCost))}</td><td class="num">${g.estimatedMonthlySavings > 0 ? e(formatUsd(g.estimatedMonthlySavings)) : ''}</td><td>${what}</td></tr>`;
  });
  return `<div class="table-wrap"><table class="data"><thead><tr><th>Name</th><th>ID</th><th>State</th><th class="num">${e(labels.cost)}</th><th class="num">${e(labels.projected)}</th><th class="num">${e(labels.savings)}</th><th>${detail}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function accountBlocks(report: OrgReport): string {
  return report.byAccount
    .map((account) => {
      const targets = report.targets.filter((t) => t.accountId === account.key);
      const regions = targets
        .map(
          (t) =>
            `<h4 class="region">${e(t.region)} <span class="badge ${t.status}">${t.status}</span> <span class="muted">${e(formatUsd(t.totals.projectedMonthlyCost))}/month, save ${e(formatUsd(t.totals.estimatedMonthlySavings))}/month</span></h4>${gatewayRows(t, report)}`,
        )
        .join('\n');
      return `<details class="account" open><summary>Account <code>${e(account.key)}</code><span class="muted">${plural(account.targets, 'region')} · ${plural(account.natGateways, 'gateway')} · ${e(formatUsd(account.totals.projectedMonthlyCost))}/month · save ${e(formatUsd(account.totals.estimatedMonthlySavings))}/month${account.failed > 0 ? ` · ${account.failed} failed` : ''}</span></summary>${regions}</details>`;
    })
    .join('\n');
}

export function renderOrgHtml(report: OrgReport, options: { title?: string } = {}): string {
  const title = options.title ?? `${JOB_TITLES[report.job]}: organisation`;
  const failed = failures(report);
  const failedHtml =
    failed.length === 0
      ? ''
      : `<section id="failed"><h2>Targets that failed</h2><ul>${failed.map((f) => `<li><code>${e(where(f))}</code>: ${e(f.error)}</li>`).join('')}</ul></section>`;
  const skipped =
    report.skippedAccounts.length === 0
      ? ''
      : `<p class="note">Accounts left out: ${report.skippedAccounts.map((s) => `${e(s.accountId)} (${e(s.reason)})`).join(', ')}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${REPORT_CSS}${ORG_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${e(title)}</h1>
<p class="meta">${plural(accountCount(report), 'account')}, ${plural(report.targets.length, 'account/region')} · generated ${e(formatUtc(report.generatedAt))}</p>
<nav><a href="#accounts">accounts</a><a href="#regions">regions</a><a href="#gateways">gateways</a>${failed.length > 0 ? '<a href="#failed">failed</a>' : ''}</nav>
</header>
<section class="kpis">
${kpi('save', 'Could be saved', `${e(formatUsd(report.totals.estimatedMonthlySavings))}<small>/month</small>`, `across ${plural(gatewayCount(report), 'NAT gateway')}`)}
${kpi('', MONEY_LABELS[report.job].projected, e(formatUsd(report.totals.projectedMonthlyCost)), `${plural(report.targets.length - report.failed, 'target')} done`)}
${kpi(report.failed > 0 ? 'failed' : '', 'Failed targets', formatCount(report.failed), report.failed > 0 ? 'see the list below' : 'none')}
</section>
${failedHtml}
<section id="accounts"><h2>By account</h2>${rollupTable('Account', report.byAccount, report)}${skipped}</section>
<section id="regions"><h2>By region</h2>${rollupTable('Region', report.byRegion, report)}</section>
<section id="gateways"><h2>Accounts, regions and gateways</h2>${accountBlocks(report)}</section>
<footer>nat-optimizer organisation report. Costs in USD; each target's figures are those of its own run.</footer>
</main>
</body>
</html>
`;
}
