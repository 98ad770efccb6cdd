// Test helper: the shared example account snapshot as the domain sees it (Inventory, GatewayMetrics, window).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type {
  GatewayMetrics,
  MetricSeries,
  MetricWindow,
  NatMetricName,
  TrafficByService,
} from '../../../lib/domain/metric-series';
import { NAT_METRICS } from '../../../lib/domain/metric-series';
import type { Inventory, NatGateway, Route, RouteTable } from '../../../lib/domain/model';

export const EXAMPLE_ACCOUNT_PATH = new URL('../../../examples/example-account.json', import.meta.url);

const tags = z.record(z.string(), z.string()).default({});
const snapshotSchema = z.object({
  region: z.string(),
  capturedAt: z.string(),
  vpcs: z.array(z.object({ vpcId: z.string(), cidrBlock: z.string(), tags })),
  subnets: z.array(
    z.object({
      subnetId: z.string(),
      vpcId: z.string(),
      availabilityZone: z.string(),
      cidrBlock: z.string(),
      tags,
    }),
  ),
  routeTables: z.array(
    z.object({
      routeTableId: z.string(),
      vpcId: z.string(),
      main: z.boolean(),
      subnetIds: z.array(z.string()),
      tags,
      routes: z.array(
        z.object({
          destinationCidrBlock: z.string().optional(),
          destinationPrefixListId: z.string().optional(),
          gatewayId: z.string().optional(),
          natGatewayId: z.string().optional(),
          vpcEndpointId: z.string().optional(),
          state: z.enum(['active', 'blackhole']).default('active'),
        }),
      ),
    }),
  ),
  natGateways: z.array(
    z.object({
      natGatewayId: z.string(),
      vpcId: z.string(),
      subnetId: z.string(),
      state: z.enum(['pending', 'failed', 'available', 'deleting', 'deleted']),
      connectivityType: z.enum(['public', 'private']),
      allocationId: z.string().optional(),
      privateIp: z.string().optional(),
      createTime: z.string().optional(),
      tags,
    }),
  ),
  elasticIps: z.array(z.object({ allocationId: z.string(), publicIp: z.string(), tags })),
  vpcEndpoints: z.array(
    z.object({
      vpcEndpointId: z.string(),
      vpcId: z.string(),
      serviceName: z.string(),
      vpcEndpointType: z.string(),
      routeTableIds: z.array(z.string()),
    }),
  ),
  prefixLists: z.array(z.object({ prefixListId: z.string(), prefixListName: z.string() })),
  metrics: z.object({
    periodSeconds: z.number(),
    start: z.string(),
    natGateways: z.record(z.string(), z.record(z.string(), z.array(z.number()))),
  }),
  trafficByService: z
    .record(z.string(), z.object({ S3: z.number(), DYNAMODB: z.number(), OTHER: z.number() }))
    .optional(),
});

type Snapshot = z.infer<typeof snapshotSchema>;

export interface ExampleAccount {
  inventory: Inventory;
  metrics: GatewayMetrics;
  window: MetricWindow;
  trafficByService: TrafficByService | undefined;
  capturedAt: Date;
}

export function loadExampleAccount(): ExampleAccount {
  const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(EXAMPLE_ACCOUNT_PATH, 'utf8')));
  const window = metricWindow(snapshot);
  return {
    inventory: inventoryOf(snapshot),
    metrics: metricsOf(snapshot, window),
    window,
    trafficByService: snapshot.trafficByService,
    capturedAt: new Date(snapshot.capturedAt),
  };
}

/** Looks a gateway of the example account up by its Name tag. */
export function gatewayIdByName(account: ExampleAccount, name: string): string {
  const gateway = account.inventory.natGateways.find((g) => g.tags.Name === name);
  if (!gateway) throw new Error(`example account has no gateway named ${name}`);
  return gateway.natGatewayId;
}

function metricWindow(snapshot: Snapshot): MetricWindow {
  const start = new Date(snapshot.metrics.start);
  const buckets = Math.max(
    0,
    ...Object.values(snapshot.metrics.natGateways).flatMap((series) =>
      Object.values(series).map((v) => v.length),
    ),
  );
  const end = new Date(start.getTime() + buckets * snapshot.metrics.periodSeconds * 1000);
  return { start, end, periodSeconds: snapshot.metrics.periodSeconds };
}

function inventoryOf(snapshot: Snapshot): Inventory {
  const explicit = new Set(snapshot.routeTables.flatMap((t) => t.subnetIds));
  const routeTables: RouteTable[] = snapshot.routeTables.map((table) => ({
    routeTableId: table.routeTableId,
    vpcId: table.vpcId,
    main: table.main,
    explicitSubnetIds: table.subnetIds,
    subnetIds: table.main
      ? [
          ...table.subnetIds,
          ...snapshot.subnets
            .filter((s) => s.vpcId === table.vpcId && !explicit.has(s.subnetId))
            .map((s) => s.subnetId),
        ]
      : table.subnetIds,
    tags: table.tags,
    routes: table.routes.map(
      (route): Route => ({
        ...route,
        destination: route.destinationCidrBlock ?? route.destinationPrefixListId ?? '',
      }),
    ),
  }));
  const natGateways: NatGateway[] = snapshot.natGateways.map((gateway) => ({
    ...gateway,
    availabilityZone: snapshot.subnets.find((s) => s.subnetId === gateway.subnetId)?.availabilityZone ?? '',
    publicIp: snapshot.elasticIps.find((e) => e.allocationId === gateway.allocationId)?.publicIp,
    secondaryAllocationIds: [],
    secondaryPrivateIps: [],
    createTime: gateway.createTime ? new Date(gateway.createTime) : undefined,
  }));
  return {
    region: snapshot.region,
    vpcs: snapshot.vpcs,
    subnets: snapshot.subnets,
    routeTables,
    natGateways,
    elasticIps: snapshot.elasticIps,
    vpcEndpoints: snapshot.vpcEndpoints.map((endpoint) => ({ ...endpoint, tags: {} })),
    prefixLists: snapshot.prefixLists,
  };
}

function metricsOf(snapshot: Snapshot, window: MetricWindow): GatewayMetrics {
  const metrics: GatewayMetrics = {};
  for (const [gatewayId, byName] of Object.entries(snapshot.metrics.natGateways)) {
    const series: Partial<Record<NatMetricName, MetricSeries>> = {};
    for (const name of NAT_METRICS) {
      const values = byName[name];
      if (values)
        series[name] = {
          start: window.start,
          periodSeconds: window.periodSeconds,
          values,
          present: values.length,
        };
    }
    metrics[gatewayId] = series;
  }
  return metrics;
}
