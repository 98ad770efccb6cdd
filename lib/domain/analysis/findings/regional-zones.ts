// What CROSS_AZ, SINGLE_AZ and the port check mean for a regional NAT gateway: it is multi-AZ by itself, so what
// matters is which AZs it is configured in against where its workload is, and each AZ's own addresses.
//  - REGIONAL_IDLE_AZ: a manual-mode gateway configured in an AZ with no workload pays that AZ's hours for nothing;
//  - REGIONAL_UNCOVERED_AZ: a manual-mode gateway does not serve AZs it does not list, yet subnets there route to it;
//  - PORT_ALLOCATION_ERRORS, per AZ: ports run out per address and destination, and addresses are per AZ.

import { sumOf } from '../../metric-series';
import { allocationsByZone, gatewayZones, isAutomaticRegional, isRegional } from '../../model';
import { HOURS_PER_MONTH, roundMoney } from '../../pricing/cost-model';
import type { Finding } from '../analysis-result';
import { count, gib, hours, usd, usdRate } from './finding-text';
import type { GatewayContext } from './gateway-context';
import { MIN_OBSERVED_HOURS_FOR_IDLE } from './removable';
import { availabilityZoneOf, subnetIdsOf } from './route-tables';

/** AWS: up to 32 addresses per AZ of a regional NAT gateway; 55,000 connections per address and destination. */
export const MAX_ADDRESSES_PER_ZONE = 32;
const PORTS_PER_ADDRESS_AND_DESTINATION = 55_000;

/** AZs of the subnets whose route tables send traffic to the gateway. */
export function workloadZones(ctx: GatewayContext): string[] {
  const zones = subnetIdsOf(ctx.routeTables).flatMap((id) => availabilityZoneOf(ctx.inventory, id) ?? []);
  return [...new Set(zones)].sort();
}

function zoneBytes(ctx: GatewayContext, zone: string): number {
  const metrics = ctx.zoneMetrics?.[zone] ?? {};
  return sumOf(metrics.BytesInFromSource) + sumOf(metrics.BytesInFromDestination);
}

function manualAvailable(ctx: GatewayContext): boolean {
  return isRegional(ctx.gateway) && !isAutomaticRegional(ctx.gateway) && ctx.gateway.state === 'available';
}

export function regionalIdleZoneFinding(ctx: GatewayContext): Finding | undefined {
  if (!manualAvailable(ctx)) return undefined;
  const routed = new Set(workloadZones(ctx));
  const readable = ctx.metricsUnreadable === undefined && ctx.observedHours >= MIN_OBSERVED_HOURS_FOR_IDLE;
  const idle = allocationsByZone(ctx.gateway).filter(
    ({ availabilityZone }) =>
      !routed.has(availabilityZone) || (readable && zoneBytes(ctx, availabilityZone) === 0),
  );
  if (idle.length === 0 || idle.length === gatewayZones(ctx.gateway).length) return undefined;
  const perZone = HOURS_PER_MONTH * ctx.prices.natGatewayHourly;
  const saving = roundMoney(perZone * idle.length);
  const addresses = idle.reduce((sum, zone) => sum + zone.allocationIds.length, 0);
  const addressCost = roundMoney(HOURS_PER_MONTH * ctx.prices.publicIpv4Hourly * addresses);
  const why = idle
    .map(({ availabilityZone }) =>
      routed.has(availabilityZone)
        ? `${availabilityZone} processed ${gib(0)} in ${hours(ctx.observedHours)}`
        : `no subnet routed through it is in ${availabilityZone}`,
    )
    .join('; ');
  const list = idle.map((zone) => zone.availabilityZone).join(', ');
  return {
    code: 'REGIONAL_IDLE_AZ',
    severity: 'medium',
    message:
      `${ctx.label} is a regional NAT gateway in manual mode configured in ${list} with no workload there (${why}). ` +
      `Each configured AZ is billed every hour (730 h × ${usdRate(ctx.prices.natGatewayHourly)} = ${usd(perZone)}/month): ` +
      `removing ${list} from its AvailabilityZoneAddresses saves ${usd(saving)}/month, and releasing the ` +
      `${addresses} Elastic IP${addresses === 1 ? '' : 's'} it used there another ${usd(addressCost)}/month.`,
    estimatedMonthlySavings: saving,
    details: {
      availabilityZones: idle.map((zone) => zone.availabilityZone),
      allocationIds: idle.flatMap((zone) => zone.allocationIds),
      monthlyCostPerZone: roundMoney(perZone),
      monthlyAddressCost: addressCost,
    },
  };
}

export function regionalUncoveredZoneFinding(ctx: GatewayContext): Finding | undefined {
  if (!manualAvailable(ctx)) return undefined;
  const configured = new Set(gatewayZones(ctx.gateway));
  const uncovered = workloadZones(ctx).filter((zone) => !configured.has(zone));
  if (uncovered.length === 0) return undefined;
  const list = uncovered.join(', ');
  return {
    code: 'REGIONAL_UNCOVERED_AZ',
    severity: 'medium',
    message:
      `${ctx.label} is a regional NAT gateway in manual mode configured in ${[...configured].join(', ')} only, but ` +
      `subnets in ${list} route to it. In manual mode it does not expand to AZs it does not list: add ${list} to ` +
      'its AvailabilityZoneAddresses (one AZ-hour more each) or switch it to automatic mode, so that egress from ' +
      'those subnets has a local address and survives an outage of the other AZs.',
    estimatedMonthlySavings: null,
    details: { uncoveredAvailabilityZones: uncovered, configuredAvailabilityZones: [...configured] },
  };
}

/** PORT_ALLOCATION_ERRORS of a regional gateway: counted per AZ, where its addresses are. */
export function regionalPortAllocationFinding(ctx: GatewayContext): Finding | undefined {
  const byZone = allocationsByZone(ctx.gateway).map(({ availabilityZone, allocationIds }) => ({
    availabilityZone,
    addresses: allocationIds.length,
    errors: sumOf(ctx.zoneMetrics?.[availabilityZone]?.ErrorPortAllocation),
  }));
  const failing = byZone.filter((zone) => zone.errors > 0);
  const total = failing.reduce((sum, zone) => sum + zone.errors, 0);
  if (total <= 0 || total < ctx.settings.portAllocationErrorThreshold) return undefined;
  const where = failing
    .map(
      (zone) =>
        `${count(zone.errors)} in ${zone.availabilityZone} (${zone.addresses} address${zone.addresses === 1 ? '' : 'es'})`,
    )
    .join(', ');
  const remedy =
    ctx.gateway.autoScalingIps === 'enabled'
      ? 'AutoScalingIps is enabled, so AWS adds addresses in an AZ that runs out: check that it keeps up'
      : `Add Elastic IPs in ${failing.map((zone) => zone.availabilityZone).join(', ')} (up to ${MAX_ADDRESSES_PER_ZONE} per AZ) or enable AutoScalingIps`;
  return {
    code: 'PORT_ALLOCATION_ERRORS',
    severity: 'high',
    message:
      `${ctx.label} could not allocate a source port ${count(total)} times in ${hours(ctx.observedHours)} ` +
      `(ErrorPortAllocation per AZ: ${where}): connections from an AZ to a single destination exhausted the ` +
      `${count(PORTS_PER_ADDRESS_AND_DESTINATION)} simultaneous connections per address of that AZ, and those ` +
      `connections failed. ${remedy}.`,
    estimatedMonthlySavings: null,
    details: { errorPortAllocation: total, byAvailabilityZone: byZone },
  };
}
