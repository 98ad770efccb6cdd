// The daily cost alert as one use-case: each gateway's cost on a day, the decisions, then one SNS message, one
// EventBridge event per alert and, only once both went out, the tags that keep the same alert from going out again.

import { loadInventory } from '../../aws/inventory';
import { fetchGatewayMetrics, metricRequestsFor } from '../../aws/metrics';
import { publishMessage, putEvents } from '../../aws/notify';
import { writeTags } from '../../aws/tags';
import type { ConfigOf } from '../../config';
import {
  type AlertCalendar,
  alertCalendar,
  assertDayOver,
  lastFullDay,
} from '../../domain/alerts/alert-calendar';
import { type AlertDecisionContext, gatewaysForAlerts } from '../../domain/alerts/alert-context';
import { type AlertDecision, decideAlerts } from '../../domain/alerts/alert-decisions';
import type { AlertNotification, AlertOutput, CostAlertResult } from '../../domain/alerts/alert-result';
import { MIN_BASELINE_DAYS } from '../../domain/alerts/alert-settings';
import {
  billedGateways,
  dailyCosts,
  type GatewayDailyCost,
  regionTotals,
} from '../../domain/alerts/daily-cost';
import { analyze } from '../../domain/analysis/analysis';
import { NO_ATTRIBUTION, type TrafficAttribution } from '../../domain/analysis/traffic-attribution';
import type { GatewayMetrics, NatMetricName } from '../../domain/metric-series';
import type { Inventory } from '../../domain/model';
import { composeAlertMessage, composeAllClear } from '../../report/alert-message';
import { alertEvent, alertOutput } from '../../report/alert-output';
import type { Runtime } from '../../runtime';
import { runPrices } from '../prices';

const COST_METRICS: readonly NatMetricName[] = ['BytesInFromSource', 'BytesInFromDestination'];

export interface CostAlertOptions {
  /** YYYY-MM-DD in the alert zone; default: the last full day before now. */
  date?: string;
  /** Replaces the configured topic (CLI --topic-arn, the simulated topic of a snapshot). */
  topicArn?: string;
  attribution?: TrafficAttribution;
  /**
   * An organisation run: decide only. Nothing is published or tagged here; the result carries the tag writes
   * (`record`) for the organisation run to make once its one message across accounts is out.
   */
  collect?: boolean;
}

interface AlertData {
  inventory: Inventory;
  calendar: AlertCalendar;
  metrics: GatewayMetrics;
  costs: GatewayDailyCost[];
  context: AlertDecisionContext;
}

async function gather(
  runtime: Runtime,
  config: ConfigOf<'core' | 'pricing' | 'analysis' | 'alert'>,
  date: string | undefined,
): Promise<AlertData> {
  const { clients, progress } = runtime;
  const settings = config.alert.settings;
  const now = runtime.now();
  const calendar = alertCalendar(
    date ?? lastFullDay(now, settings.timezone),
    settings.timezone,
    settings.historyDays,
  );
  assertDayOver(calendar, now);
  progress.update('reading the network', 0, 3);
  const inventory = await loadInventory(clients.ec2, runtime.region);
  const { requests } = metricRequestsFor(billedGateways(inventory.natGateways, calendar), COST_METRICS);
  progress.update(`fetching ${requests.length} metric series`, 1, 3);
  const [metrics, { prices }] = await Promise.all([
    fetchGatewayMetrics(clients.cloudwatch, requests, calendar.window),
    runPrices(runtime, config),
  ]);
  const costs = dailyCosts(inventory.natGateways, metrics, calendar, prices);
  const context: AlertDecisionContext = {
    region: runtime.region,
    date: calendar.day.date,
    timezone: calendar.zone,
    month: calendar.month.label,
    prices,
    totals: regionTotals(costs),
    settings,
    gateways: gatewaysForAlerts(inventory, costs),
  };
  return { inventory, calendar, metrics, costs, context };
}

/** Findings of the analysis (a missing S3 endpoint…) for the gateways alerted on, to say what to do. */
async function addFindings(
  data: AlertData,
  ids: Set<string>,
  config: ConfigOf<'core' | 'pricing' | 'analysis' | 'alert'>,
  runtime: Runtime,
  attribution: TrafficAttribution,
) {
  if (ids.size === 0) return;
  // The whole inventory: findings such as SINGLE_AZ or CROSS_AZ depend on the other gateways of the VPC.
  const attributed = await attribution.attribute(data.inventory, data.calendar.window);
  const analysis = analyze({
    inventory: data.inventory,
    metrics: data.metrics,
    window: data.calendar.window,
    prices: data.context.prices,
    settings: config.analysis.settings,
    now: runtime.now(),
    ...(attributed.traffic ? { trafficByService: attributed.traffic } : {}),
  });
  for (const result of analysis.natGateways) {
    const gateway = ids.has(result.natGatewayId) ? data.context.gateways.get(result.natGatewayId) : undefined;
    if (gateway) gateway.findings = result.findings;
  }
}

/** SNS first, then the events, then the memory tags: a crash in between means the next run sends again (at least once). */
async function deliver(
  runtime: Runtime,
  config: ConfigOf<'core' | 'pricing' | 'analysis' | 'alert'>,
  run: {
    notification: AlertNotification | null;
    topicArn: string | undefined;
    decision: AlertDecision;
    alerts: AlertOutput[];
    context: AlertDecisionContext;
    collect: boolean;
  },
): Promise<Pick<CostAlertResult, 'published' | 'result' | 'events'>> {
  if (!run.notification) return { published: false, result: 'nothing-to-send', events: 0 };
  if (!runtime.apply) return { published: false, result: 'planned', events: 0 };
  if (run.collect) return { published: false, result: 'collected', events: 0 };
  if (!run.topicArn) return { published: false, result: 'no-topic', events: 0 };
  const { clients } = runtime;
  await publishMessage(clients.sns, run.topicArn, run.notification);
  const events = run.alerts.map((alert) => alertEvent(alert, run.context));
  if (events.length > 0) await putEvents(clients.eventbridge, events, config.core.eventBusName);
  for (const write of run.decision.record) await writeTags(clients.ec2, write.resourceIds, write.tags);
  return { published: true, result: 'sent', events: events.length };
}

export async function runCostAlert(
  runtime: Runtime,
  config: ConfigOf<'core' | 'pricing' | 'analysis' | 'alert'>,
  options: CostAlertOptions = {},
): Promise<CostAlertResult> {
  const data = await gather(runtime, config, options.date);
  const { calendar, context, costs } = data;
  runtime.progress.update('deciding', 2, 3);
  const decision = decideAlerts({
    gateways: data.inventory.natGateways,
    costs,
    totals: context.totals,
    calendar,
    settings: config.alert.settings,
  });
  const alertedIds = new Set(decision.alerts.flatMap((a) => (a.natGatewayId ? [a.natGatewayId] : [])));
  await addFindings(data, alertedIds, config, runtime, options.attribution ?? NO_ATTRIBUTION);
  const alerts = decision.alerts.map((alert) => alertOutput(alert, context));
  const notification =
    decision.alerts.length > 0
      ? composeAlertMessage(decision.alerts, context, decision.tagProblems)
      : decision.allClear
        ? composeAllClear(context, decision.tagProblems)
        : null;
  const delivery = await deliver(runtime, config, {
    notification,
    topicArn: options.topicArn ?? config.core.topicArn,
    decision,
    alerts,
    context,
    collect: options.collect === true,
  });
  runtime.progress.done();
  return {
    date: calendar.day.date,
    timezone: calendar.zone,
    region: runtime.region,
    alerts,
    ...delivery,
    ...(delivery.result === 'collected' ? { record: decision.record } : {}),
    notification,
    suppressed: decision.suppressed.map((a) => ({
      natGatewayId: a.natGatewayId,
      kind: a.kind,
      reason: `already sent for ${a.natGatewayId ? calendar.day.date : calendar.month.label}`,
    })),
    tagProblems: decision.tagProblems,
    warnings: costs
      .filter((c) => c.history.length < MIN_BASELINE_DAYS)
      .map(
        (c) =>
          `${c.natGatewayId}: ${c.history.length} usable history days, fewer than ${MIN_BASELINE_DAYS}: anomaly not checked`,
      ),
    totals: context.totals,
    gateways: costs.map((c) => ({
      natGatewayId: c.natGatewayId,
      name: context.gateways.get(c.natGatewayId)?.name ?? c.natGatewayId,
      dayCost: c.day.cost.total,
      baselineDays: c.history.length,
      monthToDate: c.monthToDate,
      projectedMonthEnd: c.projectedMonthEnd,
    })),
  };
}
