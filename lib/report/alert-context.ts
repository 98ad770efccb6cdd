// What the alert texts are written from: the day, the region's figures and the gateways, assembled by the use-case.
import type { AlertSettings } from '../domain/alert-settings';
import type { Finding, Prices } from '../domain/analysis-result';
import type { GatewayDailyCost, RegionCostTotals } from '../domain/daily-cost';

export interface AlertedGateway {
  natGatewayId: string;
  /** Name tag, or the id. */
  name: string;
  availabilityZone: string;
  vpcId: string;
  routeTableIds: string[];
  cost: GatewayDailyCost;
  /** Findings of the analysis (empty for gateways that were not alerted on). */
  findings: Finding[];
}

export interface AlertDecisionContext {
  region: string;
  /** The alerted day, YYYY-MM-DD, and the zone its calendar is in. */
  date: string;
  timezone: string;
  /** YYYY-MM */
  month: string;
  prices: Prices;
  totals: RegionCostTotals;
  settings: AlertSettings;
  /** Every gateway billed in the period, by id. */
  gateways: ReadonlyMap<string, AlertedGateway>;
}
