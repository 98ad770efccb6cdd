// Which cost alerts a day calls for, which of them went out already, and what to remember once they are sent.
import type { AlertCalendar } from './alert-calendar';
import { type TrafficCause, trafficCause } from './alert-cause';
import {
  type AlertKind,
  alreadyAlerted,
  decodeAlertRecord,
  encodeAlertRecord,
  periodAlreadySent,
  recordAfterSending,
} from './alert-record';
import { type AlertSettings, MIN_BASELINE_DAYS } from './alert-settings';
import { ALERT_TAGS, AlertTagError, dailyBudgetOf } from './alert-tags';
import { roundMoney } from './cost-model';
import { type GatewayDailyCost, median, type RegionCostTotals } from './daily-cost';
import type { NatGateway, Tags } from './model';

/** daily-limit: NAT_OPTIMIZER_DAILY_LIMIT_USD; daily-budget-tag: the gateway's tag; monthly-budget: the region's projection. */
export type AlertReason = 'daily-limit' | 'daily-budget-tag' | 'monthly-budget' | 'anomaly';
export type AlertSeverity = 'high' | 'medium';

export interface CostAlert {
  kind: AlertKind;
  reason: AlertReason;
  severity: AlertSeverity;
  /** null for the region-wide monthly budget. */
  natGatewayId: string | null;
  /** The day's cost; for the monthly budget, the region's month-end projection. */
  cost: number;
  /** Median cost of the usable history days; null without enough history (and for the monthly budget). */
  baseline: number | null;
  /** What was crossed: the daily limit or budget, the monthly budget, or multiplier × baseline. */
  limit: number;
  /** Dollars above what was expected (the limit, or the baseline for an anomaly): the ranking key. */
  excess: number;
  cause?: TrafficCause;
}

export interface GatewayTagProblem {
  natGatewayId: string;
  message: string;
}

export interface TagWrite {
  resourceIds: string[];
  tags: Tags;
}

export interface AlertDecision {
  /** To send now, most important first. */
  alerts: CostAlert[];
  /** Due but sent by an earlier run (same day and kind). */
  suppressed: CostAlert[];
  tagProblems: GatewayTagProblem[];
  /** Nothing to report and the all-clear digest is on and not yet sent for the day. */
  allClear: boolean;
  /** Tags to write once the message is out, and only then. */
  record: TagWrite[];
}

export interface AlertInput {
  gateways: readonly NatGateway[];
  costs: readonly GatewayDailyCost[];
  totals: RegionCostTotals;
  calendar: AlertCalendar;
  settings: AlertSettings;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { high: 0, medium: 1 };
/** Gateways that can take tags: the region-wide records live on these. */
const TAGGABLE_STATES = new Set(['pending', 'available']);

function thresholdAlert(
  cost: GatewayDailyCost,
  limit: number | undefined,
  reason: AlertReason,
  baseline: number | null,
): CostAlert[] {
  const dayCost = cost.day.cost.total;
  if (limit === undefined || dayCost <= limit) return [];
  const excess = roundMoney(dayCost - limit);
  return [
    {
      kind: 'threshold',
      reason,
      severity: 'high',
      natGatewayId: cost.natGatewayId,
      cost: dayCost,
      baseline,
      limit,
      excess,
      cause: trafficCause(cost),
    },
  ];
}

function anomalyAlert(cost: GatewayDailyCost, baseline: number | null, settings: AlertSettings): CostAlert[] {
  const dayCost = cost.day.cost.total;
  if (baseline === null) return [];
  const limit = roundMoney(settings.anomalyMultiplier * baseline);
  if (dayCost <= limit || dayCost < settings.anomalyMinUsd) return [];
  const excess = roundMoney(dayCost - baseline);
  return [
    {
      kind: 'anomaly',
      reason: 'anomaly',
      severity: 'medium',
      natGatewayId: cost.natGatewayId,
      cost: dayCost,
      baseline,
      limit,
      excess,
      cause: trafficCause(cost),
    },
  ];
}

function baselineOf(cost: GatewayDailyCost): number | null {
  if (cost.history.length < MIN_BASELINE_DAYS) return null;
  return roundMoney(median(cost.history.map((d) => d.cost.total)) ?? 0);
}

function gatewayAlerts(
  cost: GatewayDailyCost,
  gateway: NatGateway | undefined,
  settings: AlertSettings,
  problems: GatewayTagProblem[],
): CostAlert[] {
  const baseline = baselineOf(cost);
  let threshold: CostAlert[] = [];
  try {
    const budget = dailyBudgetOf(cost.natGatewayId, gateway?.tags ?? {});
    threshold =
      budget !== undefined
        ? thresholdAlert(cost, budget, 'daily-budget-tag', baseline)
        : thresholdAlert(cost, settings.dailyLimitUsd, 'daily-limit', baseline);
  } catch (error) {
    if (!(error instanceof AlertTagError)) throw error;
    problems.push({ natGatewayId: cost.natGatewayId, message: error.message });
  }
  return [...threshold, ...anomalyAlert(cost, baseline, settings)];
}

function budgetAlert(totals: RegionCostTotals, settings: AlertSettings): CostAlert[] {
  const budget = settings.monthlyBudgetUsd;
  if (budget === undefined || totals.projectedMonthEnd <= budget) return [];
  const excess = roundMoney(totals.projectedMonthEnd - budget);
  return [
    {
      kind: 'threshold',
      reason: 'monthly-budget',
      severity: 'high',
      natGatewayId: null,
      cost: totals.projectedMonthEnd,
      baseline: null,
      limit: budget,
      excess,
    },
  ];
}

export function rankAlerts(alerts: readonly CostAlert[]): CostAlert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.excess - a.excess ||
      (a.natGatewayId ?? '').localeCompare(b.natGatewayId ?? ''),
  );
}

function recordWrites(
  alerts: readonly CostAlert[],
  allClear: boolean,
  input: AlertInput,
  taggable: readonly NatGateway[],
): TagWrite[] {
  const { calendar } = input;
  const byId = new Map(taggable.map((g) => [g.natGatewayId, g]));
  const byValue = new Map<string, string[]>();
  const kindsByGateway = new Map<string, AlertKind[]>();
  for (const alert of alerts) {
    // A gateway being deleted cannot take tags any more; it will not be billed for another day either.
    if (alert.natGatewayId === null || !byId.has(alert.natGatewayId)) continue;
    kindsByGateway.set(alert.natGatewayId, [...(kindsByGateway.get(alert.natGatewayId) ?? []), alert.kind]);
  }
  for (const [id, kinds] of kindsByGateway) {
    const previous = decodeAlertRecord(byId.get(id)?.tags[ALERT_TAGS.alerted]);
    const value = encodeAlertRecord(recordAfterSending(previous, calendar.day.date, kinds));
    byValue.set(value, [...(byValue.get(value) ?? []), id]);
  }
  const writes: TagWrite[] = [...byValue].map(([value, resourceIds]) => ({
    resourceIds,
    tags: { [ALERT_TAGS.alerted]: value },
  }));
  const ids = taggable.map((g) => g.natGatewayId);
  if (ids.length > 0 && alerts.some((a) => a.reason === 'monthly-budget'))
    writes.push({ resourceIds: ids, tags: { [ALERT_TAGS.budgetAlerted]: calendar.month.label } });
  if (ids.length > 0 && allClear)
    writes.push({ resourceIds: ids, tags: { [ALERT_TAGS.allClearSent]: calendar.day.date } });
  return writes;
}

export function decideAlerts(input: AlertInput): AlertDecision {
  const { calendar, settings } = input;
  const byId = new Map(input.gateways.map((g) => [g.natGatewayId, g]));
  const taggable = input.gateways.filter((g) => TAGGABLE_STATES.has(g.state));
  const tagProblems: GatewayTagProblem[] = [];
  const due = rankAlerts([
    ...budgetAlert(input.totals, settings),
    ...input.costs.flatMap((cost) => gatewayAlerts(cost, byId.get(cost.natGatewayId), settings, tagProblems)),
  ]);
  const sent = (alert: CostAlert): boolean =>
    alert.natGatewayId === null
      ? periodAlreadySent(
          taggable.map((g) => g.tags[ALERT_TAGS.budgetAlerted]),
          calendar.month.label,
        )
      : alreadyAlerted(
          decodeAlertRecord(byId.get(alert.natGatewayId)?.tags[ALERT_TAGS.alerted]),
          calendar.day.date,
          alert.kind,
        );
  const alerts = due.filter((alert) => !sent(alert));
  const suppressed = due.filter(sent);
  const allClear =
    settings.allClearDigest &&
    due.length === 0 &&
    !periodAlreadySent(
      taggable.map((g) => g.tags[ALERT_TAGS.allClearSent]),
      calendar.day.date,
    );
  return {
    alerts,
    suppressed,
    tagProblems,
    allClear,
    record: recordWrites(alerts, allClear, input, taggable),
  };
}
