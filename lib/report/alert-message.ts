// The one SNS message of an alert run: a subject naming the most important alert, a plain-text body that reads as
// an email and stays far under SNS's 256 KB whatever the number of gateways, and attributes to filter on.

import type { AlertDecisionContext } from '../domain/alerts/alert-context';
import type { CostAlert, GatewayTagProblem } from '../domain/alerts/alert-model';
import type { AlertNotification } from '../domain/alerts/alert-result';
import { MAX_SNS_SUBJECT_CHARS } from '../domain/aws-limits';
import { ALERT_TAGS } from '../domain/tag-keys';
import { alertLine, alertSection, alertSubject } from './alert-text';
import { priceSourceLabel } from './analysis-summary';
import { formatPrice, formatUsd, plural } from './format-numbers';
import { snsSubject } from './sns-subject';
import { truncate } from './text-table';

/** The body is cut well before the limit: what is left out is counted and named in the last line. */
const BODY_BUDGET_BYTES = 200 * 1024;
const DETAILED_ALERTS = 20;
const LISTED_PROBLEMS = 20;
const PROBLEM_CHARS = 300;
const RULE = '-'.repeat(60);
const COSTLIEST_IN_DIGEST = 5;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function header(context: AlertDecisionContext, title: string): string[] {
  const { totals, prices } = context;
  return [
    `${title} for ${context.region}, ${context.date} (${context.timezone})`,
    '',
    `Day cost of ${plural(context.gateways.size, 'NAT gateway')}: ${formatUsd(totals.dayCost)}. Month to date: ${formatUsd(totals.monthToDate)}. Month-end projection: ${formatUsd(totals.projectedMonthEnd)}.`,
    `Prices: ${formatPrice(prices.natGatewayHourly)}/h and ${formatPrice(prices.natGatewayPerGb)}/GB processed (${priceSourceLabel(prices)}).`,
  ];
}

function counts(alerts: readonly CostAlert[]): string {
  const anomalies = alerts.filter((a) => a.kind === 'anomaly').length;
  const thresholds = alerts.length - anomalies;
  const parts = [
    thresholds > 0 ? `${thresholds} threshold` : '',
    anomalies > 0 ? plural(anomalies, 'anomaly', 'anomalies') : '',
  ];
  return `${plural(alerts.length, 'alert')}: ${parts.filter((p) => p !== '').join(', ')}.`;
}

function problemLines(problems: readonly GatewayTagProblem[]): string[] {
  if (problems.length === 0) return [];
  const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `- ${truncate(p.message, PROBLEM_CHARS)}`);
  const more =
    problems.length > LISTED_PROBLEMS ? [`... and ${problems.length - LISTED_PROBLEMS} more.`] : [];
  return ['', RULE, `Tags that could not be read (${problems.length}):`, ...listed, ...more];
}

function footer(context: AlertDecisionContext): string[] {
  const s = context.settings;
  const limit = s.dailyLimitUsd !== undefined ? formatUsd(s.dailyLimitUsd) : 'not set';
  const budget = s.monthlyBudgetUsd !== undefined ? formatUsd(s.monthlyBudgetUsd) : 'not set';
  return [
    '',
    '--',
    `Each alert is sent once per gateway, day and kind (remembered in the tag ${ALERT_TAGS.alerted}).`,
    `Rules: daily limit ${limit} (per gateway: tag ${ALERT_TAGS.dailyBudget}); anomaly above ${s.anomalyMultiplier}x the median of the previous ${s.historyDays} days and at least ${formatUsd(s.anomalyMinUsd)}; monthly budget ${budget}.`,
  ];
}

/** Appends lines while the text stays within the budget; returns how many did not fit. */
function appendWithin(body: string[], lines: readonly string[], reserve: number): number {
  let size = bytes(body.join('\n')) + reserve;
  for (const [i, line] of lines.entries()) {
    size += bytes(line) + 1;
    if (size > BODY_BUDGET_BYTES) return lines.length - i;
    body.push(line);
  }
  return 0;
}

export function composeAlertMessage(
  alerts: readonly CostAlert[],
  context: AlertDecisionContext,
  problems: readonly GatewayTagProblem[],
): AlertNotification {
  const [top] = alerts;
  if (!top) throw new RangeError('composeAlertMessage needs at least one alert');
  const more = alerts.length > 1 ? ` +${alerts.length - 1} more` : '';
  const tail = [...problemLines(problems), ...footer(context)];
  const reserve = bytes(tail.join('\n')) + MAX_SNS_SUBJECT_CHARS;
  const body = [...header(context, 'NAT gateway cost alert'), '', counts(alerts)];
  const sections = alerts.slice(0, DETAILED_ALERTS).flatMap((a) => ['', RULE, alertSection(a, context)]);
  const others = alerts.slice(DETAILED_ALERTS).map((a) => alertLine(a, context));
  let left = appendWithin(body, sections, reserve);
  if (others.length > 0 && left === 0)
    left = appendWithin(body, ['', RULE, `Other alerts (${others.length}):`, ...others], reserve);
  if (left > 0)
    body.push(
      `... the rest did not fit: run "nat-optimizer alert --date ${context.date}" to see every alert.`,
    );
  body.push(...tail);
  return {
    subject: alertSubject(top, context, more),
    body: body.join('\n'),
    attributes: {
      severity: top.severity,
      kind: top.kind,
      kinds: [...new Set(alerts.map((a) => a.kind))].sort().join(' '),
      region: context.region,
      date: context.date,
    },
  };
}

/** The optional daily digest on a day with nothing to report. */
export function composeAllClear(
  context: AlertDecisionContext,
  problems: readonly GatewayTagProblem[],
): AlertNotification {
  const costliest = [...context.gateways.values()]
    .sort((a, b) => b.cost.day.cost.total - a.cost.day.cost.total)
    .slice(0, COSTLIEST_IN_DIGEST)
    .map((g) => `- ${truncate(g.name, 40)} (${g.natGatewayId}): ${formatUsd(g.cost.day.cost.total)}`);
  const body = [
    ...header(context, 'NAT gateway costs: all clear'),
    '',
    'No gateway crossed a limit or cost well above its usual day.',
    ...(costliest.length > 0 ? ['', 'Costliest gateways that day:', ...costliest] : []),
    ...problemLines(problems),
    ...footer(context),
  ];
  const subject = snsSubject(
    `NAT costs all clear: ${context.region} ${context.date}, ${formatUsd(context.totals.dayCost)} for ${plural(context.gateways.size, 'gateway')}`,
  );
  return {
    subject,
    body: body.join('\n'),
    attributes: {
      severity: 'info',
      kind: 'all-clear',
      kinds: 'all-clear',
      region: context.region,
      date: context.date,
    },
  };
}
