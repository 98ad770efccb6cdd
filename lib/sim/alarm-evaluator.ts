// CloudWatch's alarm evaluation in the simulated account (opt-in: sim.evaluateAlarms()). As the clock moves, each
// alarm with a definition is evaluated at its instants: every 10 s for a high-resolution alarm (period 10/20/30:
// "If the alarm period is 10 seconds or 30 seconds, the alarm is evaluated every 10 seconds",
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html), every minute otherwise.
// At each, the last EvaluationPeriods complete periods are computed from the datapoints visible then (metric
// math included), compared with the threshold, and DatapointsToAlarm breaching ones raise ALARM; TreatMissingData
// decides what a period without data counts as. A state change is recorded on the alarm and announced to listeners
// (the EventBridge rule that invokes the failover function, in a drill).
import { z } from 'zod';
import { evaluate, parseExpression, type Value } from './metric-math';
import { isStatistic, type SimMetricStore } from './metric-store';
import type { SimAccount } from './sim-account';
import type { Snapshot } from './snapshot-schema';

type SimAlarm = NonNullable<Snapshot['alarms']>[number];
type AlarmState = SimAlarm['state'];

export interface AlarmTransition {
  alarmName: string;
  natGatewayId: string;
  from: AlarmState;
  to: AlarmState;
  at: Date;
  reason: string;
}

const dimensionList = z.array(z.object({ Name: z.string(), Value: z.string() })).optional();
const metricStat = z.object({
  Metric: z.object({ Namespace: z.string(), MetricName: z.string(), Dimensions: dimensionList }),
  Period: z.number(),
  Stat: z.string(),
});
const query = z.object({
  Id: z.string(),
  ReturnData: z.boolean().optional(),
  Expression: z.string().optional(),
  MetricStat: metricStat.optional(),
});
export const alarmDefinition = z.looseObject({
  Metrics: z.array(query).optional(),
  Namespace: z.string().optional(),
  MetricName: z.string().optional(),
  Dimensions: dimensionList,
  Statistic: z.string().optional(),
  Period: z.number().optional(),
  EvaluationPeriods: z.number(),
  DatapointsToAlarm: z.number().optional(),
  Threshold: z.number(),
  ComparisonOperator: z.string(),
  TreatMissingData: z.string().optional(),
});
export type AlarmDefinition = z.infer<typeof alarmDefinition>;
type Query = z.infer<typeof query>;

const HIGH_RESOLUTION_EVERY_MS = 10_000;
const STANDARD_EVERY_MS = 60_000;
const SECOND_MS = 1000;

/** The alarm's queries, a single-metric alarm read as one. */
export function queriesOf(definition: AlarmDefinition): Query[] {
  if (definition.Metrics) return definition.Metrics;
  return [
    {
      Id: 'm1',
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: definition.Namespace ?? '',
          MetricName: definition.MetricName ?? '',
          Dimensions: definition.Dimensions,
        },
        Period: definition.Period ?? STANDARD_EVERY_MS / SECOND_MS,
        Stat: definition.Statistic ?? 'Average',
      },
    },
  ];
}

function periodOf(queries: Query[]): number {
  return Math.max(...queries.map((q) => q.MetricStat?.Period ?? 0));
}

function breaches(value: number, definition: AlarmDefinition): boolean {
  const t = definition.Threshold;
  switch (definition.ComparisonOperator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= t;
    case 'GreaterThanThreshold':
      return value > t;
    case 'LessThanThreshold':
      return value < t;
    default:
      return value <= t;
  }
}

/** The returned query's value in the period [start, start + period). */
function periodValue(
  store: SimMetricStore,
  queries: Query[],
  start: number,
  end: number,
  asOf: number,
): Value {
  const cache = new Map<string, Value>();
  const queryValue = (id: string): Value => {
    if (cache.has(id)) return cache.get(id) ?? null;
    const q = queries.find((candidate) => candidate.Id === id);
    let value: Value = null;
    if (q?.MetricStat && isStatistic(q.MetricStat.Stat)) {
      const metric = q.MetricStat.Metric;
      value = store.statistic(
        {
          namespace: metric.Namespace,
          metricName: metric.MetricName,
          dimensions: Object.fromEntries((metric.Dimensions ?? []).map((d) => [d.Name, d.Value])),
        },
        q.MetricStat.Stat,
        start,
        end,
        asOf,
      );
    } else if (q?.Expression) {
      value = evaluate(parseExpression(q.Expression), queryValue);
    }
    cache.set(id, value);
    return value;
  };
  const returned = queries.find((q) => q.ReturnData !== false);
  return returned ? queryValue(returned.Id) : null;
}

/** The state the alarm's definition gives at `at`, or undefined to keep the current one (`ignore`). */
export function stateAt(
  store: SimMetricStore,
  definition: AlarmDefinition,
  at: number,
): { state: AlarmState; breaching: number; missing: number } | undefined {
  const queries = queriesOf(definition);
  const periodMs = periodOf(queries) * SECOND_MS;
  const lastEnd = Math.floor(at / periodMs) * periodMs;
  let breaching = 0;
  let missing = 0;
  for (let i = 0; i < definition.EvaluationPeriods; i += 1) {
    const end = lastEnd - i * periodMs;
    const value = periodValue(store, queries, end - periodMs, end, at);
    if (value === null) missing += 1;
    else if (breaches(value, definition)) breaching += 1;
  }
  const treat = definition.TreatMissingData ?? 'missing';
  if (treat === 'breaching') breaching += missing;
  const needed = definition.DatapointsToAlarm ?? definition.EvaluationPeriods;
  if (missing === definition.EvaluationPeriods && (treat === 'missing' || treat === 'ignore')) {
    return treat === 'missing' ? { state: 'INSUFFICIENT_DATA', breaching, missing } : undefined;
  }
  return { state: breaching >= needed ? 'ALARM' : 'OK', breaching, missing };
}

/** Evaluates the account's alarms at their instants up to the simulated clock's now. */
export class SimAlarmEvaluator {
  private evaluatedUpTo: number;
  private readonly listeners: Array<(transition: AlarmTransition) => void> = [];

  constructor(
    private readonly sim: SimAccount,
    private readonly store: SimMetricStore,
  ) {
    this.evaluatedUpTo = sim.now().getTime();
  }

  onTransition(listener: (transition: AlarmTransition) => void): void {
    this.listeners.push(listener);
  }

  catchUp(): void {
    const now = this.sim.now().getTime();
    for (let at = this.next(this.evaluatedUpTo); at <= now; at = this.next(at)) this.evaluateAll(at);
    this.evaluatedUpTo = Math.max(this.evaluatedUpTo, now);
  }

  private next(after: number): number {
    return (Math.floor(after / HIGH_RESOLUTION_EVERY_MS) + 1) * HIGH_RESOLUTION_EVERY_MS;
  }

  private evaluateAll(at: number): void {
    for (const alarm of this.sim.state.alarms ?? []) {
      const parsed = alarmDefinition.safeParse(alarm.definition);
      if (!parsed.success) continue;
      const highResolution = periodOf(queriesOf(parsed.data)) < STANDARD_EVERY_MS / SECOND_MS;
      if (!highResolution && at % STANDARD_EVERY_MS !== 0) continue;
      const result = stateAt(this.store, parsed.data, at);
      if (!result || result.state === alarm.state) continue;
      const transition: AlarmTransition = {
        alarmName: alarm.alarmName,
        natGatewayId: alarm.natGatewayId,
        from: alarm.state,
        to: result.state,
        at: new Date(at),
        reason: `Threshold Crossed (simulated): ${result.breaching} of the last ${parsed.data.EvaluationPeriods} periods breaching, ${result.missing} missing`,
      };
      alarm.state = result.state;
      alarm.stateUpdatedAt = transition.at.toISOString();
      alarm.stateReason = transition.reason;
      for (const listener of this.listeners) listener(transition);
    }
  }
}

/** Turns evaluation on: from now on every clock move evaluates the alarms whose instants it passes. */
export function evaluateAlarms(sim: SimAccount): SimAlarmEvaluator {
  const evaluator = new SimAlarmEvaluator(sim, sim.metricStore);
  sim.addSettler(() => evaluator.catchUp());
  return evaluator;
}
