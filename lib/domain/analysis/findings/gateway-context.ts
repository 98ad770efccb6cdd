// Everything a finding rule may look at for one gateway, computed once by analyze().

import type { MetricSeries, MetricWindow, NatMetricName, ServiceTraffic } from '../../metric-series';
import type { Inventory, NatGateway, RouteTable } from '../../model';
import type { Prices } from '../../pricing/prices';

import type { AnalysisSettings } from '../analysis-settings';

export interface GatewayContext {
  gateway: NatGateway;
  /** `Name (nat-…)`, or the id alone when the gateway has no Name tag. */
  label: string;
  inventory: Inventory;
  metrics: Partial<Record<NatMetricName, MetricSeries>>;
  window: MetricWindow;
  windowHours: number;
  /** Billed hours of the gateway inside the window: the hours its metrics describe. */
  observedHours: number;
  processedBytes: number;
  projectedMonthlyCost: number;
  /** Route tables with at least one route whose target is this gateway. */
  routeTables: RouteTable[];
  prices: Prices;
  settings: AnalysisSettings;
  /** Flow-log attribution for this gateway, when there is one. */
  traffic: ServiceTraffic | undefined;
  /** AZ-hours billed per hour (regional: the AZs it is configured in); 1 when absent. */
  billedZones?: number;
  /** A regional gateway's series per AZ. */
  zoneMetrics?: Record<string, Partial<Record<NatMetricName, MetricSeries>>>;
  /** Set when its traffic could not be read (regional metrics missing their AZ dimension): not zero traffic. */
  metricsUnreadable?: string;
}

export function gatewayLabel(gateway: NatGateway): string {
  const name = gateway.tags.Name;
  return name ? `${name} (${gateway.natGatewayId})` : gateway.natGatewayId;
}

export function tableLabel(table: RouteTable): string {
  const name = table.tags.Name;
  return name ? `${name} (${table.routeTableId})` : table.routeTableId;
}
