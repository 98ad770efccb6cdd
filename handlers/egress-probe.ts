// Every minute, from a private subnet: can we reach the internet through our NAT gateway? One invocation checks
// every few seconds until its time is up (alterNAT's way); each check goes out at once as an EgressProbeSuccess EMF
// line (storage resolution 1 s; no CloudWatch API call, so it is published while egress is down).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { type ProbeFetch, probeEgress, probeMetricLine } from '../lib/aws/egress-probe';
import { loadConfig } from '../lib/config';
import { type ScheduledEvent, scheduledEventSchema } from '../lib/events/scheduled-event';
import { logErrorOnce } from '../lib/lambda-middleware';
import { logger, METRICS_NAMESPACE, SERVICE_NAME } from '../lib/observability';
import { type ProbeLoopSummary, runProbeLoop } from '../lib/use-cases/failover/egress-probe-loop';

/** Only this function's settings are validated: a bad value elsewhere cannot stop it. */
const config = loadConfig('egressProbe');
/** Its own instance: each check is serialized and written on its own, never buffered until the invocation ends. */
const probeMetrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

export interface ProbeRuntime {
  fetch: ProbeFetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Raw stdout lines: Lambda's console.log would prefix them and CloudWatch would not read them as EMF. */
  writeLine: (line: string) => void;
}

const LAMBDA_PROBE_RUNTIME: ProbeRuntime = {
  fetch,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  writeLine: (line) => process.stdout.write(`${line}\n`),
};

export async function egressProbeHandler(
  event: ScheduledEvent,
  context: { getRemainingTimeInMillis(): number },
  runtime: ProbeRuntime = LAMBDA_PROBE_RUNTIME,
): Promise<ProbeLoopSummary> {
  const { probe } = config;
  // Without a gateway there is nothing to measure: one check for the log, then stop.
  const budgetMs = probe.natGatewayId ? context.getRemainingTimeInMillis() : 0;
  const summary = await runProbeLoop(probe, budgetMs, {
    check: () => probeEgress(probe, runtime.fetch),
    publish: (result, at) => {
      const line = probeMetricLine(probeMetrics, result, at);
      if (line) runtime.writeLine(line);
    },
    now: runtime.now,
    sleep: runtime.sleep,
  });
  logger.info(probe.natGatewayId ? 'egress probe finished' : 'egress probe has no NAT gateway configured', {
    trigger: event.time,
    ...summary,
  });
  return summary;
}

export const handler = middy((event: ScheduledEvent, context: { getRemainingTimeInMillis(): number }) =>
  egressProbeHandler(event, context),
)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logErrorOnce(logger))
  .use(parser({ schema: scheduledEventSchema }));
