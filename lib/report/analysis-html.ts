// The analysis as one self-contained HTML page: headline figures, what is new, the gateways to act on first in
// full (the rest summarised), the caveats once, how to act, charts and the full table. Built from section
// functions so that a wider report (an organisation, a demo) can put its own sections around them.

import type { AnalysisResult } from '../domain/analysis/analysis-result';
import { reportCaveats } from './analysis-caveats';
import { type AnalysisFocus, focusGateways, restSentence } from './analysis-focus';
import {
  findingCount,
  priceSourceLabel,
  SEVERITIES,
  severityCounts,
  totalProcessedBytes,
} from './analysis-summary';
import { formatBytes, formatPrice, formatUsd, plural } from './format-numbers';
import { formatUtc, formatWindow, formatWindowLength } from './format-time';
import { renderCaveats, renderHowToAct } from './html-actions';
import { renderChanges } from './html-changes';
import { renderCostChart, renderSavingsChart } from './html-charts';
import { escapeHtml as e } from './html-escape';
import { renderGatewayCard, renderRestTable } from './html-gateway-cards';
import { renderGatewayTable } from './html-gateway-table';
import { type HtmlSection, kpi, renderHtmlPage } from './html-page';
import { renderTrafficChart } from './html-traffic-chart';
import { zoneSplitHtml } from './zone-split';

/** Gateways shown in full unless `focus.top` says otherwise; the rest are one row each. */
export const DEFAULT_FULL_GATEWAYS = 10;

export interface AnalysisHtmlOptions {
  title?: string;
  /** Which gateways are shown in full (default: the 10 with the largest savings). */
  focus?: AnalysisFocus;
  /** Sections appended after the report; `html` is inserted as given (the caller's own markup), `title` is escaped. */
  extraSections?: Array<{ title: string; html: string }>;
}

export function renderKpis(result: AnalysisResult): string {
  const counts = severityCounts(result);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const findings = findingCount(result);
  const { prices, totals } = result;
  return `<section class="kpis">
${kpi('save', 'Could be saved', `${e(formatUsd(totals.estimatedMonthlySavings))}<small>/month</small>`, findings > 0 ? `${plural(findings, 'finding')}: ${bySeverity.join(', ')}` : 'no findings')}
${kpi('', 'Projected cost', `${e(formatUsd(totals.projectedMonthlyCost))}<small>/month</small>`, `${plural(result.natGateways.length, 'NAT gateway')}, at the window's rate`)}
${kpi('', 'Cost in the window', e(formatUsd(totals.cost)), `${e(formatWindowLength(result.window.hours))}, ${e(formatBytes(totalProcessedBytes(result)))} processed`)}
${kpi('', 'Prices', `${e(formatPrice(prices.natGatewayHourly))}<small>/h</small>`, `+ ${e(formatPrice(prices.natGatewayPerGb))}/GB processed (${e(priceSourceLabel(prices))})`)}
</section>`;
}

export function renderWarnings(result: AnalysisResult): string {
  if (result.warnings.length === 0) return '';
  return `<div class="warnings"><strong>Warnings</strong><ul>${result.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></div>`;
}

/** The sections of one account and region's analysis, in reading order. */
export function analysisSections(result: AnalysisResult, focus: AnalysisFocus = {}): HtmlSection[] {
  if (result.natGateways.length === 0) {
    return [
      {
        id: 'gateways',
        title: 'NAT gateways',
        body: `<p class="intro">No NAT gateways in ${e(result.region)} during the window.</p>`,
      },
    ];
  }
  const { shown, rest } = focusGateways(result, { top: DEFAULT_FULL_GATEWAYS, ...focus });
  const full = shown.filter((g) => g.findings.length > 0);
  const restWithFindings = rest.filter((g) => g.findings.length > 0);
  const caveats = reportCaveats(full);
  const fullBody =
    full.map((g) => renderGatewayCard(result.region, g, caveats)).join('\n') || '<p>No findings.</p>';
  const restBody =
    restWithFindings.length > 0
      ? `<p class="intro">${e(restSentence(restWithFindings))}</p>${renderRestTable(restWithFindings)}`
      : '';
  const sections: HtmlSection[] = [
    {
      id: 'changes',
      navLabel: 'new',
      title: 'New since the last report',
      body: renderChanges(result.sinceLastReport),
    },
    {
      id: 'findings',
      navLabel: 'do first',
      title: 'Do first',
      intro: `The ${plural(full.length, 'gateway')} with the largest savings, each finding with what applies it.`,
      body: fullBody,
    },
  ];
  if (restBody !== '')
    sections.push({
      id: 'rest',
      navLabel: 'the rest',
      title: 'Other gateways with findings',
      body: restBody,
    });
  if (caveats.list.length > 0)
    sections.push({
      id: 'notes',
      title: 'Notes',
      intro: 'Each applies to the findings that refer to it.',
      body: renderCaveats(caveats),
    });
  sections.push(
    {
      id: 'actions',
      navLabel: 'how to act',
      title: 'How to act',
      body: renderHowToAct(result, [...full, ...restWithFindings]),
    },
    {
      id: 'savings',
      title: 'Savings by gateway',
      intro: e(
        "Sum of each gateway's finding estimates, per month. Estimates on the same gateway can overlap (an idle gateway is also unrouted), so the headline total is the analysis total.",
      ),
      body: renderSavingsChart(result),
    },
    {
      id: 'costs',
      title: 'Cost per gateway',
      intro: e("Billed hours and data processing; the month is the window's rate over 730 hours."),
      body: renderCostChart(result),
    },
    {
      id: 'traffic',
      title: 'Hourly traffic',
      intro: e(
        'Processed bytes (in from sources and from destinations) per hour. Times in UTC, weekends shaded; each panel has its own scale.',
      ),
      body: renderTrafficChart(result),
    },
    {
      id: 'gateways',
      navLabel: 'all gateways',
      title: 'All gateways',
      intro: 'Most expensive first.',
      body: renderGatewayTable(result),
    },
  );
  const split = zoneSplitHtml(result);
  if (split !== '') {
    sections.push({
      id: 'zones',
      navLabel: 'per AZ',
      title: 'Regional gateways: cost per AZ',
      intro: 'Every configured AZ is billed each hour.',
      body: `<div class="table-wrap">${split}</div>`,
    });
  }
  return sections;
}

/** One HTML file with everything inline (CSS, SVG); no script, no external URL; all text escaped. */
export function renderAnalysisHtml(result: AnalysisResult, options: AnalysisHtmlOptions = {}): string {
  const extra = (options.extraSections ?? []).map((s, i) => ({
    id: `extra-${i + 1}`,
    title: s.title,
    body: s.html,
  }));
  return renderHtmlPage({
    title: options.title ?? `NAT gateway report: ${result.region}`,
    meta: `${formatWindow(result.window)} · generated ${formatUtc(result.generatedAt)}`,
    lead: `${renderKpis(result)}${renderWarnings(result)}`,
    sections: [...analysisSections(result, options.focus), ...extra],
    footer: `nat-optimizer analysis of ${e(result.region)}. Costs in USD; 1 GB = 2<sup>30</sup> bytes; a month is 730 hours.`,
  });
}
