// What the alert texts are written from: the day, the region's figures and the gateways, assembled by the use-case.

import type { Finding } from '../analysis/analysis-result';
import { type Inventory, nameOf } from '../model';
import type { Prices } from '../pricing/prices';
import type { AlertSettings } from './alert-settings';
import type { GatewayDailyCost, RegionCostTotals } from './daily-cost';

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

/** Every billed gateway with its name, where it sits and which route tables send traffic through it. */
export function gatewaysForAlerts(
  inventory: Inventory,
  costs: readonly GatewayDailyCost[],
): Map<string, AlertedGateway> {
  const byId = new Map(inventory.natGateways.map((g) => [g.natGatewayId, g]));
  const entries = costs.flatMap((cost): Array<[string, AlertedGateway]> => {
    const gateway = byId.get(cost.natGatewayId);
    if (!gateway) return [];
    const { natGatewayId, availabilityZone, vpcId } = gateway;
    const routeTableIds = inventory.routeTables
      .filter((t) => t.routes.some((r) => r.natGatewayId === natGatewayId))
      .map((t) => t.routeTableId);
    const name = nameOf(gateway, natGatewayId);
    return [
      [natGatewayId, { natGatewayId, name, availabilityZone, vpcId, routeTableIds, cost, findings: [] }],
    ];
  });
  return new Map(entries);
}
