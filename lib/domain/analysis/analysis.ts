// The nightly analysis: cost of every NAT gateway over a metric window, and findings with monthly savings.

import {
  type GatewayMetrics,
  type MetricWindow,
  processedBytesSeries,
  type TrafficByService,
  windowHours,
  type ZoneMetrics,
} from '../metric-series';
import { applianceReason, type Inventory, type NatGateway, nameOf } from '../model';
import { billedHours, gatewayCost, projectedMonthlyCost, roundMoney } from '../pricing/cost-model';
import type { Prices } from '../pricing/prices';
import type { AnalysisResult, Finding, GatewayAnalysis, Severity } from './analysis-result';
import type { AnalysisSettings } from './analysis-settings';
import { crossAzFinding } from './findings/cross-az';
import { type GatewayContext, gatewayLabel } from './findings/gateway-context';
import { gatewayEndpointFindings } from './findings/gateway-endpoints';
import { healthFindings } from './findings/health';
import { malformedTagFindings } from './findings/malformed-tags';
import { offHoursFinding } from './findings/off-hours';
import { regionalCandidateFindings } from './findings/regional-comparison';
import { removalFinding } from './findings/removable';
import { singleAzFinding } from './findings/single-az';
import { parkable, regionalAnalysis, regionalFindings } from './regional-analysis';
import { billedZones, unreadableMetrics } from './regional-costs';
import { totalSavings } from './savings';

export { gatewaySavings } from './savings';

export interface AnalysisInput {
  inventory: Inventory;
  metrics: GatewayMetrics;
  /** Regional gateways' series per AZ (`metrics` holds their sum). */
  zoneMetrics?: ZoneMetrics;
  window: MetricWindow;
  prices: Prices;
  settings: AnalysisSettings;
  trafficByService?: TrafficByService;
  now: Date;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };
const ENDPOINT_CODES = new Set(['GATEWAY_ENDPOINT_S3', 'GATEWAY_ENDPOINT_DYNAMODB']);

export function analyze(input: AnalysisInput): AnalysisResult {
  const hoursInWindow = windowHours(input.window);
  const analyses = input.inventory.natGateways
    .map((gateway) => ({ gateway, hours: billedHours(gateway, input.window) }))
    .filter(({ hours }) => hours > 0)
    .map(({ gateway, hours }) => analyzeGateway(input, gateway, hours, hoursInWindow));
  addVpcFindings(analyses);
  const natGateways = analyses
    .map(({ analysis }) => analysis)
    .sort(
      (a, b) =>
        b.projectedMonthlyCost - a.projectedMonthlyCost ||
        b.cost.total - a.cost.total ||
        a.natGatewayId.localeCompare(b.natGatewayId),
    );
  return {
    region: input.inventory.region,
    generatedAt: input.now.toISOString(),
    window: {
      start: input.window.start.toISOString(),
      end: input.window.end.toISOString(),
      hours: hoursInWindow,
    },
    prices: input.prices,
    natGateways,
    totals: {
      cost: roundMoney(natGateways.reduce((sum, g) => sum + g.cost.total, 0)),
      projectedMonthlyCost: roundMoney(natGateways.reduce((sum, g) => sum + g.projectedMonthlyCost, 0)),
      estimatedMonthlySavings: totalSavings(natGateways),
    },
    warnings: runWarnings(analyses),
  };
}

interface GatewayRun {
  analysis: GatewayAnalysis;
  context: GatewayContext;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/** Findings about a whole VPC (zonal gateways against one regional), on the gateway they are attached to. */
function addVpcFindings(runs: readonly GatewayRun[]): void {
  const byGateway = regionalCandidateFindings(runs.map((run) => run.context));
  for (const { analysis } of runs) {
    const finding = byGateway.get(analysis.natGatewayId);
    if (!finding || analysis.findings.some((f) => f.code === 'IDLE' || f.code === 'UNROUTED')) continue;
    analysis.findings = [...analysis.findings, finding].sort(bySeverity);
  }
}

function analyzeGateway(
  input: AnalysisInput,
  gateway: NatGateway,
  hours: number,
  hoursInWindow: number,
): GatewayRun {
  const id = gateway.natGatewayId;
  const metrics = input.metrics[id] ?? {};
  const zones = billedZones(gateway);
  const metricsUnreadable = unreadableMetrics(gateway, input.zoneMetrics ?? {});
  const hourlyProcessedBytes = processedBytesSeries(metrics);
  const processedBytes = hourlyProcessedBytes.reduce((sum, bytes) => sum + bytes, 0);
  const routeTables = input.inventory.routeTables.filter((table) =>
    table.routes.some((route) => route.natGatewayId === id),
  );
  const context: GatewayContext = {
    gateway,
    label: gatewayLabel(gateway),
    inventory: input.inventory,
    metrics,
    window: input.window,
    windowHours: hoursInWindow,
    observedHours: hours,
    processedBytes,
    projectedMonthlyCost: projectedMonthlyCost(gateway, processedBytes, hours, input.prices, zones),
    routeTables,
    prices: input.prices,
    settings: input.settings,
    traffic: input.trafficByService?.[id],
    billedZones: zones,
    zoneMetrics: input.zoneMetrics?.[id] ?? {},
    ...(metricsUnreadable ? { metricsUnreadable } : {}),
  };
  // Unknown traffic is not zero traffic, and a gateway with an appliance is never deleted or parked.
  const keep = metricsUnreadable !== undefined || applianceReason(gateway) !== undefined;
  const removal = keep ? undefined : removalFinding(context);
  const findings = [
    ...malformedTagFindings(context),
    ...(removal
      ? [removal]
      : [
          parkable(gateway) ? offHoursFinding(context) : undefined,
          ...gatewayEndpointFindings(context),
          crossAzFinding(context),
          singleAzFinding(context),
          ...regionalFindings(context),
        ]),
    ...healthFindings(context),
  ]
    .filter((finding): finding is Finding => finding !== undefined)
    .sort(bySeverity);
  const analysis: GatewayAnalysis = {
    natGatewayId: id,
    name: nameOf(gateway, id),
    vpcId: gateway.vpcId,
    availabilityZone: gateway.availabilityZone,
    subnetId: gateway.subnetId,
    state: gateway.state,
    connectivityType: gateway.connectivityType,
    billedHours: hours,
    processedBytes,
    cost: gatewayCost(hours * zones, processedBytes, input.prices),
    projectedMonthlyCost: context.projectedMonthlyCost,
    routeTableIds: routeTables.map((table) => table.routeTableId),
    hourlyProcessedBytes,
    findings,
    ...regionalAnalysis(gateway, input, hours),
    ...(metricsUnreadable ? { metricsUnreadable } : {}),
    ...(gateway.attachedAppliances ? { attachedAppliances: gateway.attachedAppliances } : {}),
  };
  return { analysis, context };
}

function runWarnings(runs: readonly GatewayRun[]): string[] {
  const warnings: string[] = [];
  const unattributed = runs.filter(({ analysis }) =>
    analysis.findings.some((f) => ENDPOINT_CODES.has(f.code) && f.estimatedMonthlySavings === null),
  );
  if (unattributed.length > 0) {
    warnings.push(
      `no flow-log attribution for ${unattributed.map((run) => run.context.label).join(', ')}: ` +
        'S3/DynamoDB gateway-endpoint savings unknown',
    );
  }
  for (const { analysis, context } of runs) {
    const { BytesInFromSource, BytesInFromDestination } = context.metrics;
    if (analysis.metricsUnreadable) {
      warnings.push(
        `the traffic of ${context.label} is unknown: ${analysis.metricsUnreadable}; its data cost is not counted ` +
          'and it gets no IDLE or UNROUTED finding (missing data is not zero traffic)',
      );
    } else if ((BytesInFromSource?.present ?? 0) === 0 && (BytesInFromDestination?.present ?? 0) === 0) {
      warnings.push(
        `CloudWatch returned no processed-bytes datapoints for ${context.label}: its data cost counts as 0`,
      );
    }
    const appliance = applianceReason(context.gateway);
    if (appliance) warnings.push(`${context.label}: ${appliance}; no removal or off-hours finding`);
    for (const finding of analysis.findings.filter((f) => f.code === 'MALFORMED_TAG')) {
      warnings.push(finding.message);
    }
  }
  return warnings;
}
