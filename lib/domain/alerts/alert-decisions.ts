// Which cost alerts a day calls for, which of them went out already, and what to remember once they are sent.

import type { NatGateway } from '../model';
import { UP_STATES } from '../model';
import { roundMoney } from '../pricing/cost-model';
import type { AlertCalendar } from './alert-calendar';
import { trafficCause } from './alert-cause';
import type { AlertReason, AlertSeverity, CostAlert, GatewayTagProblem, TagWrite } from './alert-model';
import { type AlertMemory, allClearSent, recordWrites, wasSent } from './alert-record';
import { type AlertSettings, MIN_BASELINE_DAYS } from './alert-settings';
import { AlertTagError, dailyBudgetOf } from './daily-budget';
import { type GatewayDailyCost, median, type RegionCostTotals } from './daily-cost';

export interface AlertDecision {
  /** To send now, most important first. */
  alerts: CostAlert[];
  /** Due, but an earlier run sent them (same day and kind; same month for the monthly budget). */
  suppressed: CostAlert[];
  tagProblems: GatewayTagProblem[];
  /** Nothing to report, the all-clear digest is on and was not sent yet for the day. */
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

function gatewayAlert(
  cost: GatewayDailyCost,
  reason: AlertReason,
  figures: { baseline: number | null; limit: number; expected: number },
): CostAlert {
  const dayCost = cost.day.cost.total;
  const anomaly = reason === 'anomaly';
  return {
    kind: anomaly ? 'anomaly' : 'threshold',
    reason,
    severity: anomaly ? 'medium' : 'high',
    natGatewayId: cost.natGatewayId,
    cost: dayCost,
    baseline: figures.baseline,
    limit: figures.limit,
    excess: roundMoney(dayCost - figures.expected),
    cause: trafficCause(cost),
  };
}

function baselineOf(cost: GatewayDailyCost): number | null {
  if (cost.history.length < MIN_BASELINE_DAYS) return null;
  return roundMoney(median(cost.history.map((d) => d.cost.total)) ?? 0);
}

/** The gateway's tag budget wins over the global limit; a malformed tag disables its threshold and is reported. */
function dailyLimit(cost: GatewayDailyCost, gateway: NatGateway | undefined, settings: AlertSettings) {
  try {
    const budget = dailyBudgetOf(cost.natGatewayId, gateway?.tags ?? {});
    if (budget !== undefined) return { limit: budget, reason: 'daily-budget-tag' as const };
    return settings.dailyLimitUsd !== undefined
      ? { limit: settings.dailyLimitUsd, reason: 'daily-limit' as const }
      : {};
  } catch (error) {
    if (!(error instanceof AlertTagError)) throw error;
    return { problem: { natGatewayId: cost.natGatewayId, message: error.message } };
  }
}

function gatewayAlerts(
  cost: GatewayDailyCost,
  gateway: NatGateway | undefined,
  settings: AlertSettings,
  problems: GatewayTagProblem[],
): CostAlert[] {
  const alerts: CostAlert[] = [];
  const dayCost = cost.day.cost.total;
  const baseline = baselineOf(cost);
  const { limit, reason, problem } = dailyLimit(cost, gateway, settings);
  if (problem) problems.push(problem);
  if (limit !== undefined && reason && dayCost > limit) {
    alerts.push(gatewayAlert(cost, reason, { baseline, limit, expected: limit }));
  }
  if (baseline !== null) {
    const level = roundMoney(settings.anomalyMultiplier * baseline);
    if (dayCost > level && dayCost >= settings.anomalyMinUsd) {
      alerts.push(gatewayAlert(cost, 'anomaly', { baseline, limit: level, expected: baseline }));
    }
  }
  return alerts;
}

function budgetAlert(totals: RegionCostTotals, settings: AlertSettings): CostAlert[] {
  const budget = settings.monthlyBudgetUsd;
  if (budget === undefined || totals.projectedMonthEnd <= budget) return [];
  return [
    {
      kind: 'threshold',
      reason: 'monthly-budget',
      severity: 'high',
      natGatewayId: null,
      cost: totals.projectedMonthEnd,
      baseline: null,
      limit: budget,
      excess: roundMoney(totals.projectedMonthEnd - budget),
    },
  ];
}

/** High severity first, then the most dollars above what was expected. */
export function rankAlerts(alerts: readonly CostAlert[]): CostAlert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.excess - a.excess ||
      (a.natGatewayId ?? '').localeCompare(b.natGatewayId ?? ''),
  );
}

export function decideAlerts(input: AlertInput): AlertDecision {
  const { calendar, settings } = input;
  const gateways = new Map(input.gateways.map((g) => [g.natGatewayId, g]));
  const memory: AlertMemory = {
    calendar,
    gateways,
    taggable: input.gateways.filter((g) => UP_STATES.has(g.state)),
  };
  const tagProblems: GatewayTagProblem[] = [];
  const due = rankAlerts([
    ...budgetAlert(input.totals, settings),
    ...input.costs.flatMap((cost) =>
      gatewayAlerts(cost, gateways.get(cost.natGatewayId), settings, tagProblems),
    ),
  ]);
  const alerts: CostAlert[] = [];
  const suppressed: CostAlert[] = [];
  for (const alert of due) (wasSent(alert, memory) ? suppressed : alerts).push(alert);
  const allClear = settings.allClearDigest && due.length === 0 && !allClearSent(memory);
  return { alerts, suppressed, tagProblems, allClear, record: recordWrites(alerts, allClear, memory) };
}
