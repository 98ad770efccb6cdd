// The nightly analysis as one use-case: read the account, fetch metrics, decide, and (when applying) tag and report.
import { loadInventory } from '../aws/inventory';
import { fetchGatewayMetrics, type MetricRequest } from '../aws/metrics';
import { publishMessage } from '../aws/notify';
import { fetchNatGatewayPrices } from '../aws/price-list';
import { writeTags } from '../aws/tags';
import type { Config } from '../config';
import { analyze } from '../domain/analysis';
import type { AnalysisResult } from '../domain/analysis-result';
import { type MetricWindow, NAT_METRICS, type TrafficByService } from '../domain/metric-series';
import type { Inventory } from '../domain/model';
import { resolvePrices } from '../domain/prices';
import { ANALYSIS_TAGS, assertTagValue, encodeAmount, encodeInstant } from '../domain/tag-keys';
import { renderAnalysisEmail } from '../report/analysis-email';
import type { Runtime } from '../runtime';

const HOUR_MS = 3_600_000;
const METRIC_PERIOD_SECONDS = 3600;

/** Where per-service traffic (S3, DynamoDB) comes from: flow logs on AWS, the snapshot on a simulated account. */
export interface TrafficAttribution {
  attribute(
    inventory: Inventory,
    window: MetricWindow,
  ): Promise<{ traffic?: TrafficByService; warning?: string }>;
}

export const NO_ATTRIBUTION: TrafficAttribution = {
  attribute: async () => ({
    warning:
      'no flow-log attribution: S3/DynamoDB endpoint savings cannot be computed (see README, flow logs)',
  }),
};

/** The window ends at the last full hour before `now`. */
export function analysisWindow(now: Date, days: number): MetricWindow {
  const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  return { start: new Date(end.getTime() - days * 24 * HOUR_MS), end, periodSeconds: METRIC_PERIOD_SECONDS };
}

/** Gateways that can have been billed in the window: alive, or gone only after it started. */
function inWindow(inventory: Inventory, window: MetricWindow): Inventory['natGateways'] {
  return inventory.natGateways.filter(
    (g) => g.state !== 'failed' && (!g.deleteTime || g.deleteTime.getTime() > window.start.getTime()),
  );
}

export async function runAnalysis(
  runtime: Runtime,
  config: Config,
  attribution: TrafficAttribution = NO_ATTRIBUTION,
): Promise<AnalysisResult> {
  const { clients, progress } = runtime;
  const window = analysisWindow(runtime.now(), config.analysis.windowDays);
  progress.update('reading the network', 0, 3);
  const inventory = await loadInventory(clients.ec2, runtime.region);
  const gateways = inWindow(inventory, window);
  const requests: MetricRequest[] = gateways.flatMap((g) =>
    NAT_METRICS.map((metric) => ({ natGatewayId: g.natGatewayId, metric })),
  );
  progress.update(`fetching ${requests.length} metric series`, 1, 3);
  const [metrics, attributed, fetchedPrices] = await Promise.all([
    fetchGatewayMetrics(clients.cloudwatch, requests, window),
    attribution.attribute(inventory, window),
    config.analysis.refreshPrices ? fetchNatGatewayPrices(clients.pricing, runtime.region) : undefined,
  ]);
  progress.update('analysing', 2, 3);
  const prices = resolvePrices(runtime.region, config.analysis.settings.priceOverrides, fetchedPrices);
  const result = analyze({
    inventory: { ...inventory, natGateways: gateways },
    metrics,
    window,
    prices,
    settings: config.analysis.settings,
    now: runtime.now(),
    ...(attributed.traffic ? { trafficByService: attributed.traffic } : {}),
  });
  if (attributed.warning) result.warnings.push(attributed.warning);
  progress.done();
  return result;
}

/** The figures the nightly run leaves on each gateway, so they show in the console and in tag-based tooling. */
export function analysisTags(
  gateway: AnalysisResult['natGateways'][number],
  at: Date,
): Record<string, string> {
  const savings = gateway.findings.reduce((total, f) => total + (f.estimatedMonthlySavings ?? 0), 0);
  const codes = [...new Set(gateway.findings.map((f) => f.code))].join(' ') || 'none';
  return {
    [ANALYSIS_TAGS.analyzedAt]: encodeInstant(at),
    [ANALYSIS_TAGS.monthlyCost]: encodeAmount(gateway.projectedMonthlyCost),
    [ANALYSIS_TAGS.monthlySavings]: encodeAmount(savings),
    [ANALYSIS_TAGS.findings]: assertTagValue(ANALYSIS_TAGS.findings, codes),
  };
}

export interface NightlyOutcome {
  result: AnalysisResult;
  taggedGateways: number;
  published: boolean;
}

/** The nightly run: analysis, then figures on the gateways and the report by SNS. */
export async function runNightlyAnalysis(
  runtime: Runtime,
  config: Config,
  attribution?: TrafficAttribution,
): Promise<NightlyOutcome> {
  const result = await runAnalysis(runtime, config, attribution);
  if (!runtime.apply) return { result, taggedGateways: 0, published: false };
  const at = runtime.now();
  const live = result.natGateways.filter((g) => g.state === 'available');
  for (const gateway of live)
    await writeTags(runtime.clients.ec2, [gateway.natGatewayId], analysisTags(gateway, at));
  let published = false;
  if (config.core.topicArn) {
    const email = renderAnalysisEmail(result);
    await publishMessage(runtime.clients.sns, config.core.topicArn, {
      subject: email.subject,
      body: email.body,
      attributes: { kind: 'report', region: runtime.region },
    });
    published = true;
  }
  return { result, taggedGateways: live.length, published };
}
