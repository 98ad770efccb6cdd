// The analysis as an SNS email: an ASCII subject line and a plain-text body bounded in size. The first screen
// (EMAIL_SCREEN_LINES lines) says what changed since the last report and what to do first; details follow.

import type { AnalysisResult, GatewayAnalysis } from '../domain/analysis/analysis-result';
import { TAG_GUIDE } from './analysis-actions';
import { caveatReference, reportCaveats } from './analysis-caveats';
import {
  findingCodes,
  findingCount,
  findingsBySaving,
  gatewayLabel,
  gatewaySavings,
  gatewaysByCost,
  priceSourceLabel,
  savingOf,
} from './analysis-summary';
import { emailChanges } from './email-changes';
import { runActions } from './finding-actions';
import { formatCount, formatGib, formatPrice, formatUsd, formatUsdWhole, plural } from './format-numbers';
import { formatWindow } from './format-time';
import { snsSubject } from './sns-subject';
import { EMAIL_LINE_WIDTH, singleLine, truncate, wrapCommand, wrapText } from './text-table';
import { zoneLabel, zoneSplitLines } from './zone-split';

export interface AnalysisEmail {
  subject: string;
  body: string;
}

/** SNS message limit (256 KB); the body is built to stay far below it whatever the number of gateways. */
export const SNS_MESSAGE_MAX_BYTES = 256 * 1024;
/** What a mail client shows before scrolling: the lead (changes, what to do first) fits in it. */
export const EMAIL_SCREEN_LINES = 25;
export const EMAIL_TOP_FINDINGS = 10;
export const EMAIL_TOP_GATEWAYS = 50;
export const EMAIL_TOP_ACTIONS = 20;
export const EMAIL_TOP_WARNINGS = 20;
const FIRST_ACTIONS = 5;
const NAME_CHARS = 40;
const MESSAGE_CHARS = 600;
const WARNING_CHARS = 300;

function name(gateway: GatewayAnalysis): string {
  const label = truncate(gatewayLabel(gateway), NAME_CHARS);
  return label === gateway.natGatewayId ? label : `${label} (${gateway.natGatewayId})`;
}

function indented(text: string, indent: string): string[] {
  return wrapText(text, EMAIL_LINE_WIDTH - indent.length).map((line) => `${indent}${line}`);
}

/** "  - text" with continuation lines under the text. */
function bullet(text: string): string[] {
  return indented(text, '    ').map((line, i) => (i === 0 ? `  - ${line.trimStart()}` : line));
}

function commandLines(command: string, indent: string): string[] {
  return wrapCommand(command, EMAIL_LINE_WIDTH - indent.length).map((line) => `${indent}${line}`);
}

function more(count: number, what: string): string[] {
  return count > 0
    ? [`  ... and ${formatCount(count)} more ${what}; run "nat-optimizer analyze" for all.`]
    : [];
}

function headline(result: AnalysisResult): string[] {
  const { totals } = result;
  return [
    ...indented(`NAT gateway report for ${singleLine(result.region)}, ${formatWindow(result.window)}`, ''),
    ...indented(
      `Could be saved: ${formatUsd(totals.estimatedMonthlySavings)}/month of ${formatUsd(totals.projectedMonthlyCost)}/month projected ` +
        `(${plural(result.natGateways.length, 'NAT gateway')}, ${plural(findingCount(result), 'finding')}).`,
      '',
    ),
  ];
}

/** One numbered item per action, largest saving first, each with its command. */
function actionItems(result: AnalysisResult, limit: number): string[][] {
  return runActions(result)
    .slice(0, limit)
    .map((action, i) => {
      const who =
        action.gateways.length === 1
          ? name(action.gateways[0] as GatewayAnalysis)
          : plural(action.gateways.length, 'gateway');
      const saving =
        action.estimatedMonthlySavings > 0 ? `${formatUsd(action.estimatedMonthlySavings)}/month: ` : '';
      return [
        ...indented(`${i + 1}. ${saving}${singleLine(action.text)}, ${who}`, '').map((line, j) =>
          j === 0 ? line : `   ${line}`,
        ),
        ...action.commands.flatMap((command) => commandLines(command, '   ')),
      ];
    });
}

/** Headline, what changed, what to do first: as many first actions as fit on one screen. */
function firstScreen(result: AnalysisResult): string[] {
  const top = [...headline(result), '', ...emailChanges(result.sinceLastReport, EMAIL_LINE_WIDTH)];
  const items = actionItems(result, FIRST_ACTIONS);
  const footer = ['', 'Details below: findings, gateways, all commands, notes, warnings.'];
  const fitted: string[] = [];
  for (const item of items) {
    if (top.length + 2 + fitted.length + item.length + footer.length > EMAIL_SCREEN_LINES) break;
    fitted.push(...item);
  }
  const first = fitted.length > 0 ? ['', 'DO FIRST', ...fitted] : [];
  return [...top, ...first, ...footer];
}

function topFindings(result: AnalysisResult): string[] {
  const withSaving = findingsBySaving(result).filter((r) => savingOf(r.finding) > 0);
  if (withSaving.length === 0) return [];
  const shown = withSaving.slice(0, EMAIL_TOP_FINDINGS);
  const caveats = reportCaveats(shown.map((r) => ({ ...r.gateway, findings: [r.finding] })));
  const lines = shown.flatMap(({ gateway, finding }, i) => {
    const reference = caveatReference(caveats.numbers(finding.caveats));
    const message = `${truncate(singleLine(finding.message), MESSAGE_CHARS)}${reference === '' ? '' : ` (${reference})`}`;
    return [
      `${i + 1}. ${formatUsd(savingOf(finding))}/month  ${finding.code} [${finding.severity}]  ${name(gateway)}`,
      ...indented(message, '   '),
    ];
  });
  const notes = caveats.list.flatMap((c) => indented(`${c.number}. ${singleLine(c.text)}`, '  '));
  return [
    'TOP FINDINGS BY SAVING',
    '',
    ...lines,
    ...more(withSaving.length - EMAIL_TOP_FINDINGS, 'findings with a saving'),
    ...(notes.length > 0 ? ['', 'NOTES', '', ...notes] : []),
  ];
}

function gatewayLines(result: AnalysisResult): string[] {
  const gateways = gatewaysByCost(result);
  const lines = gateways.slice(0, EMAIL_TOP_GATEWAYS).flatMap((g) => {
    const savings = gatewaySavings(g);
    const codes = findingCodes(g);
    const figures = `${formatUsd(g.projectedMonthlyCost)}/month projected, ${formatGib(g.processedBytes)} GiB processed`;
    const findings = `${codes.join(', ')}${savings > 0 ? ` (save up to ${formatUsd(savings)}/month)` : ''}`;
    return [
      `- ${name(g)}, ${singleLine(zoneLabel(g))}, ${singleLine(g.state)}`,
      ...indented(figures, '    '),
      ...(codes.length > 0 ? indented(findings, '    ') : []),
    ];
  });
  const title =
    gateways.length > EMAIL_TOP_GATEWAYS ? `GATEWAYS (the ${EMAIL_TOP_GATEWAYS} most expensive)` : 'GATEWAYS';
  return [title, '', ...lines, ...more(gateways.length - EMAIL_TOP_GATEWAYS, 'gateways')];
}

function howToAct(result: AnalysisResult): string[] {
  const items = actionItems(result, EMAIL_TOP_ACTIONS);
  const total = runActions(result).length;
  const guide = TAG_GUIDE.flatMap((t) => [`  ${t.key}=${t.example}`, ...indented(t.meaning, '      ')]);
  return [
    'HOW TO ACT',
    '',
    ...(items.length > 0
      ? [
          ...indented(
            'Largest saving first. nat-optimizer commands print their plan and change nothing without --apply.',
            '',
          ),
          ...items.flat(),
          ...more(total - EMAIL_TOP_ACTIONS, 'commands'),
          '',
        ]
      : []),
    'The optimizer acts only on gateways tagged with:',
    ...guide,
  ];
}

function warnings(result: AnalysisResult): string[] {
  if (result.warnings.length === 0) return [];
  const lines = result.warnings
    .slice(0, EMAIL_TOP_WARNINGS)
    .flatMap((w) => bullet(truncate(singleLine(w), WARNING_CHARS)));
  return ['WARNINGS', '', ...lines, ...more(result.warnings.length - EMAIL_TOP_WARNINGS, 'warnings')];
}

function prices(result: AnalysisResult): string[] {
  const { prices: p, totals } = result;
  return [
    'FIGURES',
    '',
    `  Could be saved:      ${formatUsd(totals.estimatedMonthlySavings)}/month (${plural(findingCount(result), 'finding')})`,
    `  Projected cost:      ${formatUsd(totals.projectedMonthlyCost)}/month for ${plural(result.natGateways.length, 'NAT gateway')}`,
    `  Cost in the window:  ${formatUsd(totals.cost)}`,
    ...indented(
      `Prices:              ${formatPrice(p.natGatewayHourly)}/h and ${formatPrice(p.natGatewayPerGb)}/GB processed (${priceSourceLabel(p)})`,
      '  ',
    ),
  ];
}

/** Subject like "NAT report us-east-1: $1,234/mo, save ~$456/mo (7 findings)" and a plain-text body. */
export function renderAnalysisEmail(result: AnalysisResult): AnalysisEmail {
  const findings = findingCount(result);
  const subject = snsSubject(
    `NAT report ${result.region}: ${formatUsdWhole(result.totals.projectedMonthlyCost)}/mo, ` +
      `save ~${formatUsdWhole(result.totals.estimatedMonthlySavings)}/mo (${plural(findings, 'finding')})`,
  );
  const sections =
    result.natGateways.length > 0
      ? [
          firstScreen(result),
          prices(result),
          topFindings(result),
          howToAct(result),
          gatewayLines(result),
          zoneSplitLines(result),
        ]
      : [headline(result), [`No NAT gateways in ${singleLine(result.region)} during the window.`]];
  sections.push(warnings(result));
  const body = sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return { subject, body: `${body}\n` };
}
