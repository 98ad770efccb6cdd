// The nightly analysis: cost of every NAT gateway over a metric window, and findings with monthly savings.

import {
  type GatewayMetrics,
  type MetricWindow,
  processedBytesSeries,
  type TrafficByService,
  windowHours,
} from '../metric-series';
import { type Inventory, type NatGateway, nameOf } from '../model';
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
import { removalFinding } from './findings/removable';
import { singleAzFinding } from './findings/single-az';

export interface AnalysisInput {
  inventory: Inventory;
  metrics: GatewayMetrics;
  window: MetricWindow;
  prices: Prices;
  settings: AnalysisSettings;
  trafficByService?: TrafficByService;
  now: Date;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };
const REMOVAL_CODES = new Set(['IDLE', 'UNROUTED']);
const ENDPOINT_CODES = new Set(['GATEWAY_ENDPOINT_S3', 'GATEWAY_ENDPOINT_DYNAMODB']);

export function analyze(input: AnalysisInput): AnalysisResult {
  const hoursInWindow = windowHours(input.window);
  const analyses = input.inventory.natGateways
    .map((gateway) => ({ gateway, hours: billedHours(gateway, input.window) }))
    .filter(({ hours }) => hours > 0)
    .map(({ gateway, hours }) => analyzeGateway(input, gateway, hours, hoursInWindow));
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
      estimatedMonthlySavings: roundMoney(
        natGateways.reduce((sum, g) => sum + gatewaySavings(g.findings), 0),
      ),
    },
    warnings: runWarnings(analyses),
  };
}

/**
 * What acting on a gateway's findings saves per month. A gateway that can be deleted (IDLE, UNROUTED) saves
 * exactly that; otherwise the known savings of its findings add up.
 */
export function gatewaySavings(findings: readonly Finding[]): number {
  const removal = findings.find((f) => REMOVAL_CODES.has(f.code));
  if (removal) return removal.estimatedMonthlySavings ?? 0;
  return findings.reduce((sum, f) => sum + (f.estimatedMonthlySavings ?? 0), 0);
}

interface GatewayRun {
  analysis: GatewayAnalysis;
  context: GatewayContext;
}

function analyzeGateway(
  input: AnalysisInput,
  gateway: NatGateway,
  hours: number,
  hoursInWindow: number,
): GatewayRun {
  const id = gateway.natGatewayId;
  const metrics = input.metrics[id] ?? {};
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
    projectedMonthlyCost: projectedMonthlyCost(gateway, processedBytes, hours, input.prices),
    routeTables,
    prices: input.prices,
    settings: input.settings,
    traffic: input.trafficByService?.[id],
  };
  const removal = removalFinding(context);
  const findings = [
    ...malformedTagFindings(context),
    ...(removal
      ? [removal]
      : [
          offHoursFinding(context),
          ...gatewayEndpointFindings(context),
          crossAzFinding(context),
          singleAzFinding(context),
        ]),
    ...healthFindings(context),
  ]
    .filter((finding): finding is Finding => finding !== undefined)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
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
    cost: gatewayCost(hours, processedBytes, input.prices),
    projectedMonthlyCost: context.projectedMonthlyCost,
    routeTableIds: routeTables.map((table) => table.routeTableId),
    hourlyProcessedBytes,
    findings,
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
    if ((BytesInFromSource?.present ?? 0) === 0 && (BytesInFromDestination?.present ?? 0) === 0) {
      warnings.push(
        `CloudWatch returned no processed-bytes datapoints for ${context.label}: its data cost counts as 0`,
      );
    }
    for (const finding of analysis.findings.filter((f) => f.code === 'MALFORMED_TAG')) {
      warnings.push(finding.message);
    }
  }
  return warnings;
}
