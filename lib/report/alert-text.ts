// One cost alert in words: its subject line and its paragraph of the email (what, numbers, likely cause, what to do).

import type { TrafficCause } from '../domain/alerts/alert-cause';
import type { AlertDecisionContext, AlertedGateway } from '../domain/alerts/alert-context';
import type { CostAlert } from '../domain/alerts/alert-model';
import { MAX_SNS_SUBJECT_CHARS } from '../domain/aws-limits';
import { ALERT_TAGS } from '../domain/tag-keys';
import { formatGib, formatPrice, formatUsd } from './format-numbers';
import { asciiLine } from './sns-subject';
import { EMAIL_LINE_WIDTH, singleLine, truncate, wrapText } from './text-table';

const INDENT = '  ';
const FINDING_CHARS = 600;
const MAX_FINDINGS = 4;
const MIN_NAME_CHARS = 8;
const ROUTE_TABLES_LISTED = 5;

/** SNS subjects are ASCII on one line: anything else becomes a space. */
function ratio(value: number, base: number): string {
  return base > 0 ? `${(value / base).toFixed(1)}x` : 'n/a';
}

function displayName(gateway: AlertedGateway | undefined, id: string): string {
  return singleLine(gateway?.name ?? id) || id;
}

function subjectParts(alert: CostAlert, context: AlertDecisionContext, name: string): string {
  const { region, date } = context;
  if (alert.reason === 'monthly-budget') {
    return `NAT budget alert: ${region} month-end ${formatUsd(alert.cost)} projected, budget ${formatUsd(alert.limit)}`;
  }
  const amount = `${name} ${region} ${formatUsd(alert.cost)} on ${date}`;
  if (alert.kind === 'anomaly') {
    return `NAT cost anomaly: ${amount}, ${ratio(alert.cost, alert.baseline ?? 0)} usual ${formatUsd(alert.baseline ?? 0)}`;
  }
  const what = alert.reason === 'daily-budget-tag' ? 'budget' : 'limit';
  return `NAT cost over ${what}: ${amount} (${what} ${formatUsd(alert.limit)})`;
}

/** The subject that says the most important thing; `suffix` (e.g. " +3 more") is kept, the name gives way. */
export function alertSubject(alert: CostAlert, context: AlertDecisionContext, suffix = ''): string {
  const id = alert.natGatewayId ?? context.region;
  let name = asciiLine(displayName(context.gateways.get(id), id)) || id;
  let subject = asciiLine(`${subjectParts(alert, context, name)}${suffix}`);
  while (subject.length > MAX_SNS_SUBJECT_CHARS && name.length > MIN_NAME_CHARS) {
    name = `${name.slice(0, Math.max(MIN_NAME_CHARS, name.length - (subject.length - MAX_SNS_SUBJECT_CHARS) - 3))}...`;
    subject = asciiLine(`${subjectParts(alert, context, name)}${suffix}`);
  }
  return subject.length <= MAX_SNS_SUBJECT_CHARS
    ? subject
    : `${subject.slice(0, MAX_SNS_SUBJECT_CHARS - 3)}...`;
}

function paragraph(text: string, indent = INDENT): string[] {
  return wrapText(text, EMAIL_LINE_WIDTH - indent.length).map((line) => `${indent}${line}`);
}

export function causeText(cause: TrafficCause | undefined): string {
  if (!cause) return '';
  const outbound = cause.today['from-source'];
  const inbound = cause.today['from-destination'];
  if (!cause.usual) {
    return `No usable history to compare with. The day's traffic: ${formatGib(outbound)} GiB sent out by the instances (BytesInFromSource), ${formatGib(inbound)} GiB coming back in (BytesInFromDestination).`;
  }
  if (!cause.grew) {
    return `Traffic was at its usual level (${formatGib(outbound + inbound)} GiB): this gateway's normal cost is above the limit.`;
  }
  const direction = cause.grew;
  const today = cause.today[direction];
  const usual = cause.usual[direction];
  const growth = `grew to ${formatGib(today)} GiB from ${formatGib(usual)} GiB on a usual day (${ratio(today, usual)})`;
  return direction === 'from-source'
    ? `Likely cause: traffic the instances sent out through the gateway (BytesInFromSource) ${growth}: uploads, backups, replication or logs leaving the VPC.`
    : `Likely cause: traffic coming back in from the internet (BytesInFromDestination) ${growth}: downloads, package or container image pulls, or S3/DynamoDB reads that a free gateway endpoint would carry.`;
}

function nextSteps(alert: CostAlert, gateway: AlertedGateway | undefined): string {
  const tables = gateway?.routeTableIds ?? [];
  const listed = tables.slice(0, ROUTE_TABLES_LISTED).join(', ');
  const more = tables.length > ROUTE_TABLES_LISTED ? ` and ${tables.length - ROUTE_TABLES_LISTED} more` : '';
  const source =
    tables.length > 0
      ? `Find the source: route tables ${listed}${more} send their subnets' internet traffic through this gateway; VPC Flow Logs on its network interface show which instances and destinations.`
      : 'Find the source: VPC Flow Logs on the gateway network interface show which instances and destinations.';
  const endpoint = gateway?.findings.some((f) => f.code.startsWith('GATEWAY_ENDPOINT_'))
    ? ' The analysis found S3/DynamoDB traffic without a gateway endpoint: adding one (free) takes it off the NAT gateway.'
    : '';
  const expected =
    alert.kind === 'anomaly'
      ? ' If the traffic is expected and lasts, it becomes the baseline within a few days.'
      : ` If this cost is expected, raise the gateway's budget with the tag ${ALERT_TAGS.dailyBudget} (USD per day).`;
  return `What to do: ${source}${endpoint}${expected}`;
}

function headline(alert: CostAlert, name: string, gateway: AlertedGateway | undefined): string {
  const where = gateway ? `, ${gateway.availabilityZone}, ${gateway.vpcId}` : '';
  const label = name === alert.natGatewayId ? name : `${name} (${alert.natGatewayId})`;
  const kind =
    alert.kind === 'anomaly' ? 'ANOMALY' : alert.reason === 'daily-budget-tag' ? 'OVER BUDGET' : 'OVER LIMIT';
  return `${kind} - ${label}${where}`;
}

function gatewayFigures(alert: CostAlert, context: AlertDecisionContext, gateway: AlertedGateway): string[] {
  const { day } = gateway.cost;
  const { prices } = context;
  const lines = [
    `Cost on ${context.date} (${context.timezone}): ${formatUsd(alert.cost)} = ${day.billedHours} h x ${formatPrice(prices.natGatewayHourly)} + ${formatGib(day.bytesFromSource + day.bytesFromDestination)} GiB x ${formatPrice(prices.natGatewayPerGb)}.`,
  ];
  if (alert.baseline !== null) {
    lines.push(
      `Usual day: ${formatUsd(alert.baseline)} (median of ${gateway.cost.history.length} days); this day is ${ratio(alert.cost, alert.baseline)} usual.`,
    );
  }
  if (alert.kind === 'anomaly') {
    lines.push(
      `Anomaly level: above ${formatUsd(alert.limit)} (${context.settings.anomalyMultiplier}x usual) and at least ${formatUsd(context.settings.anomalyMinUsd)}.`,
    );
  } else {
    const what =
      alert.reason === 'daily-budget-tag'
        ? `its daily budget (tag ${ALERT_TAGS.dailyBudget})`
        : 'the daily limit (NAT_OPTIMIZER_DAILY_LIMIT_USD)';
    lines.push(`Above ${what} of ${formatUsd(alert.limit)} by ${formatUsd(alert.excess)}.`);
  }
  lines.push(
    `Month to date: ${formatUsd(gateway.cost.monthToDate)}; month-end projection at this day's rate: ${formatUsd(gateway.cost.projectedMonthEnd)}.`,
  );
  return lines;
}

function budgetFigures(alert: CostAlert, context: AlertDecisionContext): string[] {
  const costliest = [...context.gateways.values()]
    .sort((a, b) => b.cost.projectedMonthEnd - a.cost.projectedMonthEnd)
    .slice(0, ROUTE_TABLES_LISTED)
    .map((g) => `${singleLine(g.name)} ${formatUsd(g.cost.projectedMonthEnd)}`)
    .join(', ');
  return [
    `Month-end projection for ${context.month}: ${formatUsd(alert.cost)} for the NAT gateways of ${context.region}, above the monthly budget (NAT_OPTIMIZER_MONTHLY_BUDGET_USD) of ${formatUsd(alert.limit)} by ${formatUsd(alert.excess)}.`,
    `Month to date: ${formatUsd(context.totals.monthToDate)} through ${context.date}; the rest of the month is projected at ${context.date}'s hourly rate (${formatUsd(context.totals.dayCost)} that day).`,
    ...(costliest ? [`Largest projections: ${costliest}.`] : []),
    'What to do: look at the gateways with the largest projections and at the anomalies in this message; if the spend is expected, raise the budget.',
  ];
}

/** The alert's own paragraph: the per-alert `message` of the CLI's JSON and a section of the email. */
export function alertSection(alert: CostAlert, context: AlertDecisionContext): string {
  if (alert.natGatewayId === null) {
    return [
      `MONTHLY BUDGET - ${context.region}`,
      ...budgetFigures(alert, context).flatMap((t) => paragraph(t)),
    ].join('\n');
  }
  const gateway = context.gateways.get(alert.natGatewayId);
  const name = displayName(gateway, alert.natGatewayId);
  const lines = [headline(alert, name, gateway)];
  if (gateway) for (const text of gatewayFigures(alert, context, gateway)) lines.push(...paragraph(text));
  const cause = causeText(alert.cause);
  if (cause) lines.push(...paragraph(cause));
  const findings = gateway?.findings.slice(0, MAX_FINDINGS) ?? [];
  if (findings.length > 0) {
    lines.push(`${INDENT}Findings of the analysis:`);
    for (const f of findings)
      lines.push(
        ...paragraph(`- ${f.code}: ${truncate(singleLine(f.message), FINDING_CHARS)}`, `${INDENT}  `),
      );
  }
  lines.push(...paragraph(nextSteps(alert, gateway)));
  return lines.join('\n');
}

/** One line per alert, for the summary of a long message. */
export function alertLine(alert: CostAlert, context: AlertDecisionContext): string {
  if (alert.natGatewayId === null) {
    return `- monthly budget: ${formatUsd(alert.cost)} projected > ${formatUsd(alert.limit)}`;
  }
  const name = truncate(displayName(context.gateways.get(alert.natGatewayId), alert.natGatewayId), 40);
  const base = alert.baseline === null ? 'no baseline' : `usual ${formatUsd(alert.baseline)}`;
  return `- ${alert.kind} ${name} (${alert.natGatewayId}): ${formatUsd(alert.cost)}, ${base}, limit ${formatUsd(alert.limit)}`;
}
