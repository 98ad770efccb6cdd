// Test helper: small synthetic accounts for the analysis and its findings.

import { analyze } from '../../../lib/domain/analysis/analysis';
import type { AnalysisResult, Finding } from '../../../lib/domain/analysis/analysis-result';
import {
  type AnalysisSettings,
  DEFAULT_ANALYSIS_SETTINGS,
} from '../../../lib/domain/analysis/analysis-settings';
import type {
  GatewayMetrics,
  MetricSeries,
  MetricWindow,
  NatMetricName,
  TrafficByService,
  ZoneMetrics,
} from '../../../lib/domain/metric-series';
import {
  DEFAULT_ROUTE,
  type Inventory,
  type NatGateway,
  type Route,
  type RouteTable,
} from '../../../lib/domain/model';
import { type Prices, resolvePrices } from '../../../lib/domain/pricing/prices';
import { HOUR_MS } from '../../../lib/domain/time-units';

/** A Monday, 00:00 UTC. */
export const WINDOW_START = new Date('2026-11-02T00:00:00Z');
export const WINDOW_HOURS = 336;
export const GIB = 2 ** 30;
export const US_EAST_1_PRICES: Prices = resolvePrices('us-east-1', {});
export const S3_PREFIX_LIST = 'pl-63a5400a';

export function windowOf(hours: number = WINDOW_HOURS): MetricWindow {
  return {
    start: WINDOW_START,
    end: new Date(WINDOW_START.getTime() + hours * HOUR_MS),
    periodSeconds: 3600,
  };
}

export function series(values: number[]): MetricSeries {
  return { start: WINDOW_START, periodSeconds: 3600, values, present: values.length };
}

/** One value per hour of the window; `at` receives the hour index and the UTC Date of the bucket. */
export function hourly(at: (date: Date, index: number) => number, hours: number = WINDOW_HOURS): number[] {
  return Array.from({ length: hours }, (_, i) => at(new Date(WINDOW_START.getTime() + i * HOUR_MS), i));
}

/** Processed bytes per hour, all counted as BytesInFromSource. */
export function trafficMetrics(bytesPerHour: number[], extra: Record<string, MetricSeries> = {}) {
  return {
    BytesInFromSource: series(bytesPerHour),
    BytesInFromDestination: series(bytesPerHour.map(() => 0)),
    ...extra,
  };
}

export function natGateway(id: string, overrides: Partial<NatGateway> = {}): NatGateway {
  return {
    natGatewayId: id,
    vpcId: 'vpc-1',
    subnetId: 'subnet-public-a',
    availabilityZone: 'us-east-1a',
    state: 'available',
    connectivityType: 'public',
    allocationId: `eipalloc-${id}`,
    publicIp: '198.51.100.7',
    secondaryAllocationIds: [],
    secondaryPrivateIps: [],
    createTime: new Date('2025-01-01T00:00:00Z'),
    tags: { Name: id },
    ...overrides,
  };
}

export function defaultRouteTo(natGatewayId: string): Route {
  return { destination: DEFAULT_ROUTE, destinationCidrBlock: DEFAULT_ROUTE, natGatewayId, state: 'active' };
}

export function s3EndpointRoute(): Route {
  return {
    destination: S3_PREFIX_LIST,
    destinationPrefixListId: S3_PREFIX_LIST,
    vpcEndpointId: 'vpce-1',
    state: 'active',
  };
}

export function routeTable(id: string, subnetIds: string[], routes: Route[], vpcId = 'vpc-1'): RouteTable {
  return { routeTableId: id, vpcId, main: false, explicitSubnetIds: subnetIds, subnetIds, tags: {}, routes };
}

/** vpc-1 with a public subnet and private subnets `subnet-private-<az letter>` in us-east-1a/b/c. */
export function inventory(parts: Partial<Inventory>): Inventory {
  const subnets = ['a', 'b', 'c'].flatMap((az) => [
    {
      subnetId: `subnet-public-${az}`,
      vpcId: 'vpc-1',
      availabilityZone: `us-east-1${az}`,
      cidrBlock: '',
      tags: {},
    },
    {
      subnetId: `subnet-private-${az}`,
      vpcId: 'vpc-1',
      availabilityZone: `us-east-1${az}`,
      cidrBlock: '',
      tags: {},
    },
  ]);
  return {
    region: 'us-east-1',
    vpcs: [{ vpcId: 'vpc-1', cidrBlock: '10.0.0.0/16', tags: { Name: 'main' } }],
    subnets,
    routeTables: [],
    natGateways: [],
    elasticIps: [],
    vpcEndpoints: [],
    prefixLists: [
      { prefixListId: S3_PREFIX_LIST, prefixListName: 'com.amazonaws.us-east-1.s3' },
      { prefixListId: 'pl-02cd2c6b', prefixListName: 'com.amazonaws.us-east-1.dynamodb' },
    ],
    ...parts,
  };
}

export interface RunOptions {
  inventory: Inventory;
  metrics?: GatewayMetrics;
  /** Regional gateways' series per AZ; their sum per gateway is added to `metrics`. */
  zoneMetrics?: ZoneMetrics;
  trafficByService?: TrafficByService;
  settings?: Partial<AnalysisSettings>;
  hours?: number;
}

export function run(options: RunOptions): AnalysisResult {
  const window = windowOf(options.hours);
  const metrics: GatewayMetrics = { ...options.metrics };
  for (const [id, zones] of Object.entries(options.zoneMetrics ?? {}))
    metrics[id] = summed(Object.values(zones));
  return analyze({
    inventory: options.inventory,
    metrics,
    ...(options.zoneMetrics ? { zoneMetrics: options.zoneMetrics } : {}),
    window,
    prices: US_EAST_1_PRICES,
    settings: { ...DEFAULT_ANALYSIS_SETTINGS, ...options.settings },
    trafficByService: options.trafficByService,
    now: window.end,
  });
}

/** The sum of AZ series, metric by metric (what the metrics adapter hands the analysis for a regional gateway). */
function summed(
  zones: Array<Partial<Record<NatMetricName, MetricSeries>>>,
): Partial<Record<NatMetricName, MetricSeries>> {
  const total: Partial<Record<NatMetricName, MetricSeries>> = {};
  for (const zone of zones) {
    for (const [name, s] of Object.entries(zone) as Array<[NatMetricName, MetricSeries]>) {
      const before = total[name];
      total[name] = before
        ? series(before.values.map((v, i) => v + (s.values[i] ?? 0)))
        : series([...s.values]);
    }
  }
  return total;
}

/** A regional NAT gateway in vpc-1 with these addresses per AZ (manual mode unless overridden). */
export function regionalGateway(
  id: string,
  zones: Record<string, string[]>,
  overrides: Partial<NatGateway> = {},
): NatGateway {
  const zoneAddresses = Object.entries(zones).flatMap(([availabilityZone, ids]) =>
    ids.map((allocationId) => ({ availabilityZone, allocationId })),
  );
  const [first, ...rest] = zoneAddresses;
  return natGateway(id, {
    subnetId: '',
    availabilityZone: '',
    availabilityMode: 'regional',
    autoProvisionZones: 'disabled',
    zoneAddresses,
    ...(first?.allocationId ? { allocationId: first.allocationId } : {}),
    secondaryAllocationIds: rest.flatMap((a) => (a.allocationId ? [a.allocationId] : [])),
    ...overrides,
  });
}

export function findingsOf(result: AnalysisResult, natGatewayId: string): Finding[] {
  const gateway = result.natGateways.find((g) => g.natGatewayId === natGatewayId);
  if (!gateway) throw new Error(`${natGatewayId} is not in the result`);
  return gateway.findings;
}

export function findingOf(
  result: AnalysisResult,
  natGatewayId: string,
  code: Finding['code'],
): Finding | undefined {
  return findingsOf(result, natGatewayId).find((f) => f.code === code);
}

export function codesOf(result: AnalysisResult, natGatewayId: string): string[] {
  return findingsOf(result, natGatewayId)
    .map((f) => f.code)
    .sort();
}
