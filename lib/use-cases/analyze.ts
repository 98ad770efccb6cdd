// The nightly analysis as one use-case: read the account, fetch metrics, decide, and (when applying) tag and report.
import pLimit from 'p-limit';
import { isAwsServiceError } from '../aws/aws-errors';
import { loadInventory } from '../aws/inventory';
import { fetchGatewayMetrics, type MetricRequest } from '../aws/metrics';
import { publishMessage } from '../aws/notify';
import { fetchNatGatewayPrices } from '../aws/price-list';
import { writeTags } from '../aws/tags';
import type { Config } from '../config';
import { PRICE_OVERRIDES_VARIABLE, REFRESH_PRICES_VARIABLE } from '../config/analysis-config';
import { analyze } from '../domain/analysis';
import type { AnalysisResult, Prices } from '../domain/analysis-result';
import { ANALYSIS_METRICS, type MetricWindow, type TrafficByService } from '../domain/metric-series';
import type { Inventory } from '../domain/model';
import { resolvePrices, UnknownRegionPriceError } from '../domain/prices';
import { ANALYSIS_TAGS, assertTagValue, encodeAmount, encodeInstant } from '../domain/tag-keys';
import { BadInputError } from '../errors';
import { renderAnalysisEmail } from '../report/analysis-email';
import type { Runtime } from '../runtime';

const HOUR_MS = 3_600_000;
const METRIC_PERIOD_SECONDS = 3600;
/** Each gateway has its own figures (one CreateTags each); a few at once stays well inside EC2's rate limits. */
const CONCURRENT_TAG_WRITES = 4;

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

/** No price is known for the region: says which settings give one. */
export class MissingPriceError extends BadInputError {
  override name = 'MissingPriceError';

  constructor(readonly region: string) {
    super(
      `No NAT gateway price is known for region ${region}: set ${PRICE_OVERRIDES_VARIABLE} to ` +
        `'{"${region}":{"natGatewayHourly":<USD per hour>,"natGatewayPerGb":<USD per GB>}}' ` +
        `(stage parameter priceOverrides when deployed), or ${REFRESH_PRICES_VARIABLE}=true to ask the AWS Price List API`,
    );
  }
}

/**
 * The prices of the run's region, settled before anything is read so that a region without a price stops the
 * run at once. A simulated account has no Price List API (and a snapshot run must never reach AWS): there the
 * refresh is skipped with a warning.
 */
export async function runPrices(
  runtime: Runtime,
  config: Config,
): Promise<{ prices: Prices; warning?: string }> {
  const { refreshPrices, settings } = config.analysis;
  const refresh = refreshPrices && !runtime.simulated;
  const fetched = refresh ? await fetchNatGatewayPrices(runtime.clients.pricing, runtime.region) : undefined;
  let prices: Prices;
  try {
    prices = resolvePrices(runtime.region, settings.priceOverrides, fetched);
  } catch (error) {
    if (error instanceof UnknownRegionPriceError) throw new MissingPriceError(runtime.region);
    throw error;
  }
  if (refreshPrices && !refresh) {
    return {
      prices,
      warning: `${REFRESH_PRICES_VARIABLE} is ignored on a simulated account: ${prices.source} prices used`,
    };
  }
  return { prices };
}

export async function runAnalysis(
  runtime: Runtime,
  config: Config,
  attribution: TrafficAttribution = NO_ATTRIBUTION,
): Promise<AnalysisResult> {
  return (await analyzeAccount(runtime, config, attribution)).result;
}

/** What one analysis read and decided; the nightly run reuses the inventory and traffic for its other steps. */
export interface AccountAnalysis {
  result: AnalysisResult;
  inventory: Inventory;
  traffic?: TrafficByService;
}

export async function analyzeAccount(
  runtime: Runtime,
  config: Config,
  attribution: TrafficAttribution = NO_ATTRIBUTION,
): Promise<AccountAnalysis> {
  const { clients, progress } = runtime;
  const window = analysisWindow(runtime.now(), config.analysis.windowDays);
  const { prices, warning: priceWarning } = await runPrices(runtime, config);
  progress.update('reading the network', 0, 3);
  const inventory = await loadInventory(clients.ec2, runtime.region);
  const gateways = inWindow(inventory, window);
  const requests: MetricRequest[] = gateways.flatMap((g) =>
    ANALYSIS_METRICS.map((metric) => ({ natGatewayId: g.natGatewayId, metric })),
  );
  progress.update(`fetching ${requests.length} metric series`, 1, 3);
  const [metrics, attributed] = await Promise.all([
    fetchGatewayMetrics(clients.cloudwatch, requests, window),
    attribution.attribute(inventory, window),
  ]);
  progress.update('analysing', 2, 3);
  const result = analyze({
    inventory: { ...inventory, natGateways: gateways },
    metrics,
    window,
    prices,
    settings: config.analysis.settings,
    now: runtime.now(),
    ...(attributed.traffic ? { trafficByService: attributed.traffic } : {}),
  });
  for (const warning of [priceWarning, attributed.warning]) if (warning) result.warnings.push(warning);
  progress.done();
  return { result, inventory, ...(attributed.traffic ? { traffic: attributed.traffic } : {}) };
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

export interface NightlyOutcome extends AccountAnalysis {
  taggedGateways: number;
  published: boolean;
}

/** Tags every available gateway; one EC2 refuses (tag limit, gone meanwhile…) is reported and the others go on. */
async function tagGateways(runtime: Runtime, result: AnalysisResult): Promise<number> {
  const at = runtime.now();
  const limit = pLimit(CONCURRENT_TAG_WRITES);
  const written = await Promise.all(
    result.natGateways
      .filter((g) => g.state === 'available')
      .map((gateway) =>
        limit(async () => {
          try {
            await writeTags(runtime.clients.ec2, [gateway.natGatewayId], analysisTags(gateway, at));
            return true;
          } catch (error) {
            if (!isAwsServiceError(error)) throw error;
            result.warnings.push(
              `the analysis tags could not be written on ${gateway.name} (${gateway.natGatewayId}): ${error.name}: ${error.message}`,
            );
            return false;
          }
        }),
      ),
  );
  return written.filter(Boolean).length;
}

/** The nightly run: analysis, then figures on the gateways and the report by SNS. */
export async function runNightlyAnalysis(
  runtime: Runtime,
  config: Config,
  attribution?: TrafficAttribution,
): Promise<NightlyOutcome> {
  const analysis = await analyzeAccount(runtime, config, attribution);
  const { result } = analysis;
  if (!runtime.apply) return { ...analysis, taggedGateways: 0, published: false };
  const taggedGateways = await tagGateways(runtime, result);
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
  return { ...analysis, taggedGateways, published };
}
