// The terminal report of an analysis: header, one row per gateway, totals, then findings per gateway.

import type { AnalysisResult, Finding, GatewayAnalysis, Severity } from '../domain/analysis/analysis-result';
import { formatTags } from './analysis-actions';
import { caveatReference, type ReportCaveats, reportCaveats } from './analysis-caveats';
import { type AnalysisFocus, focusGateways, restSentence } from './analysis-focus';
import {
  displayName,
  findingCodes,
  findingCount,
  gatewaySavings,
  gatewaysByCost,
  gatewaysBySavings,
  priceSourceLabel,
  SEVERITIES,
  severityCounts,
  sortFindings,
  totalProcessedBytes,
} from './analysis-summary';
import { type AnsiStyles, ansiStyles, type Style } from './ansi-style';
import { findingAction } from './finding-actions';
import { formatCount, formatGib, formatPrice, formatUsd, plural } from './format-numbers';
import { formatUtc, formatWindow, formatWindowShort } from './format-time';
import {
  type Align,
  renderTextTable,
  singleLine,
  truncate,
  visibleWidth,
  wrapCommand,
  wrapText,
} from './text-table';
import { zoneLabel, zoneSplitText } from './zone-split';

export interface AnalysisTableOptions {
  color?: boolean;
  /** Only these gateways in the table and the findings (--top, --min-saving); the totals cover all. */
  focus?: AnalysisFocus;
  /** Terminal width in characters; the table and wrapped messages fit inside it. */
  width?: number;
}

const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 60;
const GAP_WIDTH = 2;
const FINDING_INDENT = 10;
const MIN_NAME_WIDTH = 12;
const SEVERITY_LABEL_WIDTH = 8;
// Room for two finding codes on a line before long names get the space.
const FINDINGS_PREFERRED_WIDTH = 34;

function severityStyle(styles: AnsiStyles, severity: Severity): Style {
  const bySeverity: Record<Severity, Style> = {
    high: styles.red,
    medium: styles.yellow,
    low: styles.cyan,
    info: styles.dim,
  };
  return bySeverity[severity];
}

function renderHeader(result: AnalysisResult, width: number, styles: AnsiStyles): string[] {
  const { prices } = result;
  const counts = severityCounts(result);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const savings = result.totals.estimatedMonthlySavings;
  const headline =
    savings > 0
      ? `${formatUsd(savings)}/month could be saved`
      : findingCount(result) > 0
        ? 'No saving estimated'
        : 'No findings';
  const findings =
    findingCount(result) > 0 ? ` (${plural(findingCount(result), 'finding')}: ${bySeverity.join(', ')})` : '';
  const fitWidth = (text: string): string[] => (visibleWidth(text) <= width ? [text] : wrapText(text, width));
  return [
    styles.bold(`NAT gateway analysis for ${result.region}`) +
      styles.dim(` (generated ${formatUtc(result.generatedAt)})`),
    ...fitWidth(`Window  ${formatWindow(result.window)}`),
    ...fitWidth(
      `Prices  NAT gateway ${formatPrice(prices.natGatewayHourly)}/h, data processing ${formatPrice(prices.natGatewayPerGb)}/GB (${priceSourceLabel(prices)})`,
    ),
    '',
    ...(visibleWidth(`${headline}${findings}`) <= width
      ? [(savings > 0 ? styles.green : styles.bold)(styles.bold(headline)) + findings]
      : [(savings > 0 ? styles.green : styles.bold)(styles.bold(headline)), ...fitWidth(findings.trim())]),
  ];
}

interface NumberColumn {
  header: string;
  cell: (gateway: GatewayAnalysis) => string;
  total: string;
}

/** The figures per gateway; a narrow terminal keeps only the projected month. */
function numberColumns(result: AnalysisResult, compact: boolean): NumberColumn[] {
  const projected: NumberColumn = {
    header: 'Projected\n$/month',
    cell: (g) => formatUsd(g.projectedMonthlyCost),
    total: formatUsd(result.totals.projectedMonthlyCost),
  };
  if (compact) return [projected];
  return [
    {
      header: 'Processed\nGiB',
      cell: (g) => formatGib(g.processedBytes),
      total: formatGib(totalProcessedBytes(result)),
    },
    {
      header: `Cost\n${formatWindowShort(result.window.hours)}`,
      cell: (g) => formatUsd(g.cost.total),
      total: formatUsd(result.totals.cost),
    },
    projected,
  ];
}

function renderGatewayTable(
  result: AnalysisResult,
  gateways: GatewayAnalysis[],
  width: number,
  styles: AnsiStyles,
  compact = false,
): string {
  const columns = numberColumns(result, compact);
  const headers = ['Gateway', 'AZ\nstate', ...columns.map((c) => c.header), 'Findings'];
  const numbers = gateways.map((g) => columns.map((c) => c.cell(g)));
  const totals = columns.map((c) => c.total);
  const columnWidth = (cells: string[]): number => Math.max(...cells.map(visibleWidth));
  const numberWidths = columns.map((c, i) =>
    columnWidth(
      [c.header, ...numbers.map((row) => row[i] ?? ''), c.total].flatMap((cell) => cell.split('\n')),
    ),
  );
  const azWidth = columnWidth(['AZ', 'state', ...gateways.flatMap((g) => [zoneLabel(g), g.state])]);
  const idWidth = columnWidth([
    'Gateway',
    `Total (${formatCount(result.natGateways.length)})`,
    ...gateways.map((g) => g.natGatewayId),
  ]);
  const longestCode = columnWidth(['Findings', ...gateways.flatMap(findingCodes)]);
  const fixed = azWidth + numberWidths.reduce((a, b) => a + b, 0) + GAP_WIDTH * (headers.length - 1);
  if (!compact && fixed + idWidth + longestCode > width)
    return renderGatewayTable(result, gateways, width, styles, true);
  const nameWidth = Math.max(idWidth, width - fixed - Math.max(longestCode, FINDINGS_PREFERRED_WIDTH));
  const gatewayWidth = Math.max(
    idWidth,
    ...gateways.map((g) => visibleWidth(truncate(displayName(g), nameWidth))),
  );
  const findingsWidth = Math.max(longestCode, width - fixed - gatewayWidth);

  const rows = gateways.map((g, index) => {
    const name = displayName(g);
    const gatewayCell =
      name === '' ? g.natGatewayId : `${truncate(name, nameWidth)}\n${styles.dim(g.natGatewayId)}`;
    const state = g.state === 'available' ? g.state : styles.yellow(g.state);
    const codes = findingCodes(g);
    const findingsCell =
      codes.length === 0 ? styles.dim('-') : wrapText(codes.join(', '), findingsWidth).join('\n');
    return [gatewayCell, `${zoneLabel(g)}\n${state}`, ...(numbers[index] ?? []), findingsCell];
  });
  const footer = [
    `Total (${formatCount(result.natGateways.length)})`,
    '',
    ...totals,
    plural(findingCount(result), 'finding'),
  ];
  return renderTextTable(headers, rows, {
    align: ['left', 'left', ...columns.map((): Align => 'right'), 'left'],
    separateRows: true,
    footer: footer.map(styles.bold),
  });
}

interface FindingContext {
  region: string;
  width: number;
  styles: AnsiStyles;
  caveats: ReportCaveats;
}

function renderFinding(gateway: GatewayAnalysis, finding: Finding, ctx: FindingContext): string[] {
  const { styles, width } = ctx;
  const severity = severityStyle(
    styles,
    finding.severity,
  )(finding.severity.toUpperCase().padEnd(SEVERITY_LABEL_WIDTH));
  const saving = finding.estimatedMonthlySavings;
  const savingText =
    saving !== null && saving > 0 ? `  ${styles.green(`save ${formatUsd(saving)}/month`)}` : '';
  const indent = ' '.repeat(FINDING_INDENT);
  const textWidth = Math.max(MIN_WIDTH - FINDING_INDENT, width - FINDING_INDENT);
  const wrapped = (text: string): string[] => wrapText(text, textWidth).map((line) => `${indent}${line}`);
  const reference = caveatReference(ctx.caveats.numbers(finding.caveats));
  const lines = [`  ${severity}${styles.bold(finding.code)}${savingText}`];
  lines.push(...wrapped(`${singleLine(finding.message)}${reference === '' ? '' : ` (${reference})`}`));
  const action = findingAction(ctx.region, gateway, finding);
  if (action && action.tags.length > 0)
    lines.push(...wrapped(`Tag it: ${singleLine(formatTags(action.tags))}`));
  for (const command of action?.commands ?? [])
    lines.push(
      ...wrapCommand(command, textWidth - 2).map(
        (line, i) => `${indent}${i === 0 ? '$ ' : '  '}${styles.cyan(line)}`,
      ),
    );
  return lines;
}

function renderGatewayFindings(gateway: GatewayAnalysis, ctx: FindingContext): string[] {
  const { styles, width } = ctx;
  const name = displayName(gateway);
  const savings = gatewaySavings(gateway);
  const savingText = savings > 0 ? `  ${styles.green(`up to ${formatUsd(savings)}/month`)}` : '';
  const where = `${gateway.natGatewayId}  ${zoneLabel(gateway)}`;
  const nameWidth = Math.max(
    MIN_NAME_WIDTH,
    width - visibleWidth(where) - visibleWidth(savingText) - GAP_WIDTH,
  );
  const title = name === '' ? where : `${truncate(name, nameWidth)}  ${where}`;
  return [
    styles.bold(title) + savingText,
    ...sortFindings(gateway.findings).flatMap((f) => renderFinding(gateway, f, ctx)),
  ];
}

function renderCaveats(caveats: ReportCaveats, width: number, styles: AnsiStyles): string[] {
  if (caveats.list.length === 0) return [];
  return [
    styles.bold('Notes'),
    ...caveats.list.flatMap((c) =>
      wrapText(`${c.number}. ${singleLine(c.text)}`, width - 3).map(
        (line, i) => `${i === 0 ? '' : '   '}${line}`,
      ),
    ),
  ];
}

/** The analysis as a terminal report. Fits `width` columns (default 100); ANSI colour only when asked. */
export function renderAnalysisTable(result: AnalysisResult, options: AnalysisTableOptions = {}): string {
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const styles = ansiStyles(options.color === true);
  const sections = [renderHeader(result, width, styles).join('\n')];
  const { shown, rest } = focusGateways(result, options.focus);
  const listed = new Set(shown);
  if (result.natGateways.length === 0) {
    sections.push(`No NAT gateways in ${result.region} during the window.`);
  } else {
    const byCost = gatewaysByCost(result).filter((g) => listed.has(g));
    const table = renderGatewayTable(result, byCost, width, styles);
    const note =
      rest.length > 0
        ? `\n${wrapText(`Not listed (--top/--min-saving): ${restSentence(rest)}`, width).join('\n')}`
        : '';
    sections.push(`${table}${note}`);
  }
  const withFindings = gatewaysBySavings(result).filter((g) => listed.has(g));
  if (withFindings.length > 0) {
    const ctx: FindingContext = {
      region: result.region,
      width,
      styles,
      caveats: reportCaveats(withFindings),
    };
    const blocks = withFindings.map((g) => renderGatewayFindings(g, ctx).join('\n'));
    sections.push([styles.bold('Findings, largest saving first'), '', blocks.join('\n\n')].join('\n'));
    const notes = renderCaveats(ctx.caveats, width, styles);
    if (notes.length > 0) sections.push(notes.join('\n'));
  }
  const split = zoneSplitText(result);
  if (split.length > 0) sections.push([styles.bold(split[0] ?? ''), ...split.slice(1)].join('\n'));
  if (result.warnings.length > 0) {
    const warnings = result.warnings.flatMap((w) =>
      wrapText(singleLine(w), width - 4).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`),
    );
    sections.push([styles.yellow(styles.bold('Warnings')), ...warnings].join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
