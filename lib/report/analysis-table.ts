// The terminal report of an analysis: header, one row per gateway, totals, then findings per gateway.

import type { AnalysisResult, Finding, GatewayAnalysis, Severity } from '../domain/analysis/analysis-result';
import { formatTags, proposedTags } from './analysis-actions';
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
import { formatCount, formatGib, formatPrice, formatUsd, plural } from './format-numbers';
import { formatUtc, formatWindow, formatWindowShort } from './format-time';
import { renderTextTable, singleLine, truncate, visibleWidth, wrapText } from './text-table';
import { zoneLabel, zoneSplitText } from './zone-split';

export interface AnalysisTableOptions {
  color?: boolean;
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
const ALIGN = ['left', 'left', 'right', 'right', 'right', 'left'] as const;

function severityStyle(styles: AnsiStyles, severity: Severity): Style {
  const bySeverity: Record<Severity, Style> = {
    high: styles.red,
    medium: styles.yellow,
    low: styles.cyan,
    info: styles.dim,
  };
  return bySeverity[severity];
}

function renderHeader(result: AnalysisResult, styles: AnsiStyles): string[] {
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
  return [
    styles.bold(`NAT gateway analysis for ${result.region}`) +
      styles.dim(` (generated ${formatUtc(result.generatedAt)})`),
    `Window  ${formatWindow(result.window)}`,
    `Prices  NAT gateway ${formatPrice(prices.natGatewayHourly)}/h, data processing ${formatPrice(prices.natGatewayPerGb)}/GB (${priceSourceLabel(prices)})`,
    '',
    (savings > 0 ? styles.green : styles.bold)(styles.bold(headline)) + findings,
  ];
}

function renderGatewayTable(result: AnalysisResult, width: number, styles: AnsiStyles): string {
  const gateways = gatewaysByCost(result);
  const headers = [
    'Gateway',
    'AZ\nstate',
    'Processed\nGiB',
    `Cost\n${formatWindowShort(result.window.hours)}`,
    'Projected\n$/month',
    'Findings',
  ];
  const numbers = gateways.map((g) => [
    formatGib(g.processedBytes),
    formatUsd(g.cost.total),
    formatUsd(g.projectedMonthlyCost),
  ]);
  const totals = [
    formatGib(totalProcessedBytes(result)),
    formatUsd(result.totals.cost),
    formatUsd(result.totals.projectedMonthlyCost),
  ];
  const columnWidth = (cells: string[]): number => Math.max(...cells.map(visibleWidth));
  const numberWidths = [0, 1, 2].map((i) =>
    columnWidth(
      [headers[i + 2] ?? '', ...numbers.map((row) => row[i] ?? ''), totals[i] ?? ''].flatMap((c) =>
        c.split('\n'),
      ),
    ),
  );
  const azWidth = columnWidth(['AZ', 'state', ...gateways.flatMap((g) => [zoneLabel(g), g.state])]);
  const idWidth = columnWidth([
    'Gateway',
    `Total (${formatCount(gateways.length)})`,
    ...gateways.map((g) => g.natGatewayId),
  ]);
  const longestCode = columnWidth(['Findings', ...gateways.flatMap(findingCodes)]);
  const fixed = azWidth + numberWidths.reduce((a, b) => a + b, 0) + GAP_WIDTH * (headers.length - 1);
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
    `Total (${formatCount(gateways.length)})`,
    '',
    ...totals,
    plural(findingCount(result), 'finding'),
  ];
  return renderTextTable(headers, rows, {
    align: [...ALIGN],
    separateRows: true,
    footer: footer.map(styles.bold),
  });
}

function renderFinding(finding: Finding, width: number, styles: AnsiStyles): string[] {
  const severity = severityStyle(
    styles,
    finding.severity,
  )(finding.severity.toUpperCase().padEnd(SEVERITY_LABEL_WIDTH));
  const saving = finding.estimatedMonthlySavings;
  const savingText =
    saving !== null && saving > 0 ? `  ${styles.green(`save ${formatUsd(saving)}/month`)}` : '';
  const indent = ' '.repeat(FINDING_INDENT);
  const textWidth = Math.max(MIN_WIDTH - FINDING_INDENT, width - FINDING_INDENT);
  const lines = [`  ${severity}${styles.bold(finding.code)}${savingText}`];
  lines.push(...wrapText(singleLine(finding.message), textWidth).map((line) => `${indent}${line}`));
  const tags = proposedTags(finding);
  if (tags.length > 0)
    lines.push(...wrapText(`Tag it: ${singleLine(formatTags(tags))}`, textWidth).map((l) => `${indent}${l}`));
  return lines;
}

function renderGatewayFindings(gateway: GatewayAnalysis, width: number, styles: AnsiStyles): string[] {
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
    ...sortFindings(gateway.findings).flatMap((f) => renderFinding(f, width, styles)),
  ];
}

/** The analysis as a terminal report. Fits `width` columns (default 100); ANSI colour only when asked. */
export function renderAnalysisTable(result: AnalysisResult, options: AnalysisTableOptions = {}): string {
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const styles = ansiStyles(options.color === true);
  const sections = [renderHeader(result, styles).join('\n')];
  if (result.natGateways.length === 0) {
    sections.push(`No NAT gateways in ${result.region} during the window.`);
  } else {
    sections.push(renderGatewayTable(result, width, styles));
    const split = zoneSplitText(result);
    if (split.length > 0) sections.push([styles.bold(split[0] ?? ''), ...split.slice(1)].join('\n'));
  }
  const withFindings = gatewaysBySavings(result);
  if (withFindings.length > 0) {
    const blocks = withFindings.map((g) => renderGatewayFindings(g, width, styles).join('\n'));
    sections.push([styles.bold('Findings, largest saving first'), '', blocks.join('\n\n')].join('\n'));
  }
  if (result.warnings.length > 0) {
    const warnings = result.warnings.flatMap((w) =>
      wrapText(singleLine(w), width - 4).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`),
    );
    sections.push([styles.yellow(styles.bold('Warnings')), ...warnings].join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
