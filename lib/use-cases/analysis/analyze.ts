// The nightly analysis as one use-case: read the account, fetch metrics, decide, and (when applying) tag and report.

import pLimit from 'p-limit';
import { isAwsServiceError } from '../../aws/aws-errors';
import { loadInventory } from '../../aws/inventory';
import { fetchMetricsByZone, metricRequestsFor } from '../../aws/metrics';
import { publishMessage } from '../../aws/notify';
import { writeTags } from '../../aws/tags';
import type { ConfigOf } from '../../config';
import { analyze } from '../../domain/analysis/analysis';
import type { AnalysisResult } from '../../domain/analysis/analysis-result';
import {
  changesSinceLastReport,
  type PreviousFigures,
  readPreviousFigures,
  taggedSavings,
} from '../../domain/analysis/report-changes';
import { NO_ATTRIBUTION, type TrafficAttribution } from '../../domain/analysis/traffic-attribution';
import {
  ANALYSIS_METRICS,
  analysisWindow,
  type MetricWindow,
  type TrafficByService,
} from '../../domain/metric-series';
import type { Inventory } from '../../domain/model';
import { ANALYSIS_TAGS } from '../../domain/tag-keys';
import { assertTagValue, encodeAmount, encodeInstant } from '../../domain/tag-values';
import { describeError } from '../../errors';
import { renderAnalysisEmail } from '../../report/analysis-email';
import type { Runtime } from '../../runtime';
import { runPrices } from '../prices';

/** Each gateway has its own figures (one CreateTags each); a few at once stays well inside EC2's rate limits. */
const CONCURRENT_TAG_WRITES = 4;

/** Gateways that can have been billed in the window: alive, or gone only after it started. */
function inWindow(inventory: Inventory, window: MetricWindow): Inventory['natGateways'] {
  return inventory.natGateways.filter(
    (g) => g.state !== 'failed' && (!g.deleteTime || g.deleteTime.getTime() > window.start.getTime()),
  );
}

export async function runAnalysis(
  runtime: Runtime,
  config: ConfigOf<'core' | 'pricing' | 'analysis'>,
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
  config: ConfigOf<'core' | 'pricing' | 'analysis'>,
  attribution: TrafficAttribution = NO_ATTRIBUTION,
): Promise<AccountAnalysis> {
  const { clients, progress } = runtime;
  const window = analysisWindow(runtime.now(), config.analysis.windowDays);
  const { prices, warning: priceWarning } = await runPrices(runtime, config);
  progress.update('reading the network', 0, 3);
  const inventory = await loadInventory(clients.ec2, runtime.region);
  const gateways = inWindow(inventory, window);
  const { requests } = metricRequestsFor(gateways, ANALYSIS_METRICS);
  progress.update(`fetching ${requests.length} metric series`, 1, 3);
  const [{ byGateway: metrics, byZone: zoneMetrics }, attributed] = await Promise.all([
    fetchMetricsByZone(clients.cloudwatch, requests, window),
    attribution.attribute(inventory, window),
  ]);
  progress.update('analysing', 2, 3);
  const result = analyze({
    inventory: { ...inventory, natGateways: gateways },
    metrics,
    zoneMetrics,
    window,
    prices,
    settings: config.analysis.settings,
    now: runtime.now(),
    ...(attributed.traffic ? { trafficByService: attributed.traffic } : {}),
  });
  for (const warning of [priceWarning, attributed.warning]) if (warning) result.warnings.push(warning);
  result.sinceLastReport = changesSinceLastReport(result, previousFigures(gateways));
  progress.done();
  return { result, inventory, ...(attributed.traffic ? { traffic: attributed.traffic } : {}) };
}

/** The figures the previous nightly run left on each gateway, read before this run overwrites them. */
function previousFigures(gateways: Inventory['natGateways']): Map<string, PreviousFigures> {
  return new Map(
    gateways.flatMap((g) => {
      const previous = readPreviousFigures(g.tags);
      return previous ? [[g.natGatewayId, previous] as const] : [];
    }),
  );
}

/** The figures the nightly run leaves on each gateway, so they show in the console and in tag-based tooling. */
export function analysisTags(
  gateway: AnalysisResult['natGateways'][number],
  at: Date,
): Record<string, string> {
  const savings = taggedSavings(gateway);
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
              `the analysis tags could not be written on ${gateway.name} (${gateway.natGatewayId}): ${describeError(error)}`,
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
  config: ConfigOf<'core' | 'pricing' | 'analysis'>,
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
