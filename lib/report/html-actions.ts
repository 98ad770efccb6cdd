// "How to act" (every command of the run, largest saving first, one per VPC for endpoints), the caveats once,
// and the guide to the tags a person sets.

import type { AnalysisResult, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { TAG_GUIDE } from './analysis-actions';
import type { ReportCaveats } from './analysis-caveats';
import { runActions } from './finding-actions';
import { formatCount, formatUsd } from './format-numbers';
import { escapeHtml as e } from './html-escape';

/** Commands printed in the page; the Markdown report (`--format md`) lists every one. */
export const MAX_ACTIONS = 60;

export function renderCaveats(caveats: ReportCaveats): string {
  return `<ol class="caveats">${caveats.list
    .map(
      (c) =>
        `<li>${e(c.text)} <span class="muted">(${c.findings === 1 ? '1 finding' : `${formatCount(c.findings)} findings`})</span></li>`,
    )
    .join('')}</ol>`;
}

function tagGuide(): string {
  const guide = TAG_GUIDE.map((t) => `<dt>${e(t.key)}=${e(t.example)}</dt><dd>${e(t.meaning)}</dd>`).join('');
  return `<p class="intro">The optimizer acts only on gateways that carry these tags:</p><dl class="tags">${guide}</dl>`;
}

export function renderHowToAct(result: AnalysisResult, gateways: readonly GatewayAnalysis[]): string {
  const listed = new Set(gateways);
  const actions = runActions(result).filter((a) => a.gateways.some((g) => listed.has(g)));
  if (actions.length === 0)
    return `<p class="intro">No finding here is applied by a command.</p>${tagGuide()}`;
  const lines = actions
    .slice(0, MAX_ACTIONS)
    .flatMap((a) => [
      `<span class="comment"># ${e(a.text)}${a.estimatedMonthlySavings > 0 ? `: save ${e(formatUsd(a.estimatedMonthlySavings))}/month` : ''}</span>`,
      ...a.commands.map(e),
    ]);
  const more =
    actions.length > MAX_ACTIONS
      ? `<p class="note">${formatCount(actions.length - MAX_ACTIONS)} more commands: <code>nat-optimizer analyze --format md</code> lists them all.</p>`
      : '';
  return `<p class="intro">Largest saving first. The <code>nat-optimizer</code> commands print their plan and change nothing without <code>--apply</code>.</p><pre class="commands">${lines.join('\n')}</pre>${more}${tagGuide()}`;
}
