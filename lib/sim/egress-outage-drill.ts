// An egress outage, played on the simulated account's clock: the egress probe runs as deployed (one invocation a
// minute at the top of the minute, a check every few seconds, each check one EMF line), the gateway publishes its
// per-minute metrics, CloudWatch evaluates the alarms (alarm-evaluator.ts), and every ALARM of the gateway's alarms
// reaches `onAlarm` (the failover function) after the delivery delay. Scenario tests and the benchmark use it.
import { Metrics } from '@aws-lambda-powertools/metrics';
import { type ProbeFetch, probeEgress, probeMetricLine } from '../aws/egress-probe';
import type { AlarmStateChangeEvent } from '../domain/failover/failover-event';
import type { FailoverRunResult } from '../domain/failover/failover-result';
import { PROBE_END_MARGIN_MS, probeCheckOffsets } from '../domain/failover/probe-schedule';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../observability';
import { type AlarmTransition, evaluateAlarms } from './alarm-evaluator';
import { alarmStateChangeEvent } from './alarm-events';
import type { SimAccount } from './sim-account';

/** The probe function's timeout (sls/functions/failover.yml): the budget one invocation loops in. */
const PROBE_FUNCTION_TIMEOUT_MS = 62_000;
const MINUTE_MS = 60_000;
const TICK_MS = 10_000;
/** A check that gets an answer takes about this long. */
const ANSWER_MS = 50;

export interface DrillDelays {
  /** A probe line written → its datapoint visible to alarms (Lambda's log delivery, EMF extraction). */
  emfMs: number;
  /** The end of a minute → that minute's AWS/NATGateway datapoints visible. */
  natMetricsMs: number;
  /** An alarm state change → the failover function running (EventBridge delivery, Lambda start). */
  invokeMs: number;
}

export interface OutageDrill {
  natGatewayId: string;
  /** When egress through the gateway breaks; null: it never does. */
  failAt: Date | null;
  until: Date;
  /** The deployed probe (null: none); it checks the gateway `natGatewayId`. */
  probe: { url: string; timeoutMs: number; intervalSeconds: number } | null;
  /** Checks starting at these instants are lost although egress works (one dropped packet, a slow answer). */
  lostChecks?: Date[];
  /** Packets the gateway receives per minute while it works; null: it carries no traffic at all. */
  packetsPerMinute: number | null;
  delays: DrillDelays;
  onAlarm: (event: AlarmStateChangeEvent) => Promise<FailoverRunResult>;
  /** Stop after the first failover that moved routes (default true). */
  stopAfterFailover?: boolean;
}

export interface DrillOutcome {
  transitions: AlarmTransition[];
  failovers: Array<{ alarmName: string; startedAt: Date; result: FailoverRunResult }>;
  checks: number;
  failedChecks: number;
}

type DrillEvent = { at: number; run: () => Promise<void> | void };

export async function runOutageDrill(sim: SimAccount, drill: OutageDrill): Promise<DrillOutcome> {
  const outcome: DrillOutcome = { transitions: [], failovers: [], checks: 0, failedChecks: 0 };
  const queue: DrillEvent[] = [];
  const schedule = (at: number, run: DrillEvent['run']) => {
    queue.push({ at, run });
    queue.sort((a, b) => a.at - b.at);
  };
  const failAt = drill.failAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const lost = new Set((drill.lostChecks ?? []).map((d) => d.getTime()));
  const metrics = new Metrics({
    namespace: METRICS_NAMESPACE,
    serviceName: SERVICE_NAME,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  let stopped = false;

  evaluateAlarms(sim).onTransition((transition) => {
    outcome.transitions.push(transition);
    if (transition.natGatewayId !== drill.natGatewayId || transition.to !== 'ALARM') return;
    const event = alarmStateChangeEvent(sim, transition);
    schedule(transition.at.getTime() + drill.delays.invokeMs, async () => {
      const startedAt = sim.now();
      const result = await drill.onAlarm(event);
      outcome.failovers.push({ alarmName: transition.alarmName, startedAt, result });
      if (result.routesMoved > 0 && drill.stopAfterFailover !== false) stopped = true;
    });
  });

  const check = async (at: number) => {
    const probe = drill.probe;
    if (!probe) return;
    const broken = at >= failAt || lost.has(at);
    const fetchFn: ProbeFetch = async () => {
      if (broken) throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      return { status: 200 };
    };
    const result = await probeEgress({ ...probe, natGatewayId: drill.natGatewayId }, fetchFn);
    outcome.checks += 1;
    if (!result.success) outcome.failedChecks += 1;
    const writtenAt = at + (broken ? probe.timeoutMs : ANSWER_MS);
    schedule(writtenAt, () => {
      const line = probeMetricLine(metrics, result, new Date(at));
      if (line) sim.metricStore.ingestEmf(line, writtenAt + drill.delays.emfMs);
    });
  };

  const minute = (end: number) => {
    if (drill.packetsPerMinute === null) return;
    const start = end - MINUTE_MS;
    const brokenShare = Math.min(1, Math.max(0, (end - failAt) / MINUTE_MS));
    const packets = drill.packetsPerMinute;
    const values = {
      PacketsInFromSource: packets / 2,
      PacketsInFromDestination: packets / 2,
      PacketsDropCount: packets * brokenShare,
    };
    for (const [metricName, value] of Object.entries(values)) {
      sim.metricStore.put({
        namespace: 'AWS/NATGateway',
        metricName,
        dimensions: { NatGatewayId: drill.natGatewayId },
        timestamp: start,
        value,
        storageResolution: 60,
        visibleAt: end + drill.delays.natMetricsMs,
      });
    }
  };

  const begin = sim.now().getTime();
  const end = drill.until.getTime();
  for (let m = Math.ceil(begin / MINUTE_MS) * MINUTE_MS; m <= end; m += MINUTE_MS) {
    schedule(m, () => minute(m));
    if (!drill.probe) continue;
    const offsets = probeCheckOffsets({
      budgetMs: PROBE_FUNCTION_TIMEOUT_MS,
      intervalMs: drill.probe.intervalSeconds * 1000,
      timeoutMs: drill.probe.timeoutMs,
      marginMs: PROBE_END_MARGIN_MS,
    });
    for (const offset of offsets) schedule(m + offset, () => check(m + offset));
  }

  while (!stopped) {
    const now = sim.now().getTime();
    const nextTick = (Math.floor(now / TICK_MS) + 1) * TICK_MS;
    const next = Math.min(queue[0]?.at ?? Number.POSITIVE_INFINITY, nextTick);
    if (next > end) break;
    if (next > now) sim.setClock(new Date(next));
    while (!stopped && queue[0] && queue[0].at <= sim.now().getTime()) {
      const event = queue.shift();
      await event?.run();
    }
  }
  return outcome;
}
