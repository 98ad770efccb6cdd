// Zonal against regional, both ways, with the dollar arithmetic spelled out:
//  - REGIONAL_CANDIDATE: a VPC's zonal gateways as one regional gateway in manual mode over the AZs with workload
//    (one AZ-hour per AZ instead of one gateway-hour per gateway; no cross-AZ transfer, each AZ leaving locally);
//  - ZONAL_CANDIDATE: a regional gateway as one zonal gateway in its busiest AZ (one gateway-hour, but the other
//    AZs' bytes then cross AZs, and egress depends on that one AZ). One zonal gateway per AZ costs the same.
// Data processing is priced the same either way, so it is left out of both comparisons.

import { sumOf } from '../../metric-series';
import { applianceReason, gatewayZones, isRegional, type NatGateway, nameOf } from '../../model';
import { GIB, HOURS_PER_MONTH, monthlyDataCost, projectMonthly, roundMoney } from '../../pricing/cost-model';
import { CROSS_AZ_DIRECTIONS } from '../../pricing/prices';
import type { Finding } from '../analysis-result';
import { gib, percent, usd, usdRate } from './finding-text';
import type { GatewayContext } from './gateway-context';
import { workloadZones } from './regional-zones';
import { remoteSubnets } from './route-tables';

/** Differences below a cent a month are "the same money". */
const SAME_MONEY = 0.01;

function addressCount(gateway: NatGateway): number {
  return (gateway.allocationId ? 1 : 0) + gateway.secondaryAllocationIds.length;
}

function vpcLabel(ctx: GatewayContext): string {
  const vpc = ctx.inventory.vpcs.find((v) => v.vpcId === ctx.gateway.vpcId);
  return vpc ? `VPC ${nameOf(vpc, vpc.vpcId)} (${vpc.vpcId})` : `VPC ${ctx.gateway.vpcId}`;
}

/**
 * REGIONAL_CANDIDATE for each VPC whose NAT egress is all zonal and public: attached to the VPC's first gateway (by
 * id) so the saving counts once. `contexts` holds every analysed gateway.
 */
export function regionalCandidateFindings(contexts: readonly GatewayContext[]): Map<string, Finding> {
  const findings = new Map<string, Finding>();
  const vpcIds = [...new Set(contexts.map((c) => c.gateway.vpcId))].sort();
  for (const vpcId of vpcIds) {
    const inVpc = contexts.filter((c) => c.gateway.vpcId === vpcId && c.gateway.state !== 'deleted');
    const zonal = inVpc
      .filter((c) => c.gateway.state === 'available' && !isRegional(c.gateway))
      .sort((a, b) => a.gateway.natGatewayId.localeCompare(b.gateway.natGatewayId));
    const [lead] = zonal;
    const blocked = inVpc.some(
      (c) => isRegional(c.gateway) || c.gateway.connectivityType !== 'public' || applianceReason(c.gateway),
    );
    if (!lead || blocked) continue;
    const finding = compareWithRegional(zonal);
    if (finding) findings.set(lead.gateway.natGatewayId, finding);
  }
  return findings;
}

function compareWithRegional(zonal: readonly GatewayContext[]): Finding | undefined {
  const [lead] = zonal;
  if (!lead) return undefined;
  const { prices } = lead;
  const zones = [...new Set(zonal.flatMap(workloadZones))].sort();
  if (zones.length === 0) return undefined;
  const perHour = HOURS_PER_MONTH * prices.natGatewayHourly;
  const perAddress = HOURS_PER_MONTH * prices.publicIpv4Hourly;
  const crossAz = zonal.map((c) => {
    const { share } = remoteSubnets(c.inventory, c.gateway, c.routeTables);
    const bytes = c.processedBytes * share;
    return {
      gib: projectMonthly(bytes / GIB, c.observedHours),
      cost: monthlyDataCost(bytes, c.observedHours, prices.crossAzPerGb * CROSS_AZ_DIRECTIONS),
    };
  });
  const transferGib = crossAz.reduce((sum, x) => sum + x.gib, 0);
  const transfer = roundMoney(crossAz.reduce((sum, x) => sum + x.cost, 0));
  const addresses = zonal.reduce((sum, c) => sum + addressCount(c.gateway), 0);
  const extraAddresses = Math.max(zones.length - addresses, 0);
  const today = roundMoney(zonal.length * perHour + transfer);
  const regional = roundMoney(zones.length * perHour + extraAddresses * perAddress);
  const saving = roundMoney(today - regional);
  const gatewayZonesToday = new Set(zonal.map((c) => c.gateway.availabilityZone));
  const withoutLocalGateway = zones.filter((zone) => !gatewayZonesToday.has(zone));
  const gateways = zonal.map((c) => `${c.label} in ${c.gateway.availabilityZone}`).join(', ');
  const todayText =
    `Today: ${zonal.length} zonal gateway${zonal.length === 1 ? '' : 's'} (${gateways}) × 730 h × ` +
    `${usdRate(prices.natGatewayHourly)} = ${usd(zonal.length * perHour)}/month` +
    (transfer > 0
      ? `, plus cross-AZ transfer of ≈ ${gib(transferGib * GIB)}/month × 2 × ${usdRate(prices.crossAzPerGb)}/GB = ${usd(transfer)}/month`
      : '') +
    ` = ${usd(today)}/month.`;
  const regionalText =
    `One regional NAT gateway in manual mode over ${zones.join(', ')}: ${zones.length} AZ${zones.length === 1 ? '' : 's'} × 730 h × ` +
    `${usdRate(prices.natGatewayHourly)} = ${usd(zones.length * perHour)}/month` +
    (extraAddresses > 0
      ? `, plus ${extraAddresses} more Elastic IP${extraAddresses === 1 ? '' : 's'} (one per AZ) × ${usd(perAddress)} = ${usd(extraAddresses * perAddress)}/month`
      : '') +
    ', and no cross-AZ transfer (each AZ leaves through its own addresses).';
  const details = {
    vpcId: lead.gateway.vpcId,
    zonalGatewayIds: zonal.map((c) => c.gateway.natGatewayId),
    availabilityZones: zones,
    todayMonthlyCost: today,
    regionalMonthlyCost: regional,
    crossAzTransferMonthlyCost: transfer,
    availabilityZonesWithoutLocalGateway: withoutLocalGateway,
  };
  const context = `${vpcLabel(lead)} sends subnets in ${zones.join(', ')} to the internet through zonal NAT gateways.`;
  if (saving > SAME_MONEY) {
    return {
      code: 'REGIONAL_CANDIDATE',
      severity: 'medium',
      message: `${context} ${todayText} ${regionalText} It would save ${usd(saving)}/month${withoutLocalGateway.length > 0 ? ` and give ${withoutLocalGateway.join(', ')} egress of their own` : ''}; data processing (${usdRate(prices.natGatewayPerGb)}/GB) is the same either way.`,
      estimatedMonthlySavings: saving,
      details,
    };
  }
  if (saving >= -SAME_MONEY && withoutLocalGateway.length > 0) {
    return {
      code: 'REGIONAL_CANDIDATE',
      severity: 'info',
      message: `${context} ${todayText} ${regionalText} For the same money, ${withoutLocalGateway.join(', ')} would keep egress when another AZ fails.`,
      estimatedMonthlySavings: 0,
      details,
    };
  }
  return undefined;
}

/** ZONAL_CANDIDATE on a regional gateway whose per-AZ traffic is known. */
export function zonalCandidateFinding(ctx: GatewayContext): Finding | undefined {
  const { gateway, prices } = ctx;
  if (!isRegional(gateway) || gateway.state !== 'available' || ctx.metricsUnreadable) return undefined;
  if (applianceReason(gateway)) return undefined;
  const zones = gatewayZones(gateway).map((zone) => {
    const metrics = ctx.zoneMetrics?.[zone] ?? {};
    return { zone, bytes: sumOf(metrics.BytesInFromSource) + sumOf(metrics.BytesInFromDestination) };
  });
  if (zones.length < 2) return undefined;
  const [busiest] = [...zones].sort((a, b) => b.bytes - a.bytes || a.zone.localeCompare(b.zone));
  if (!busiest) return undefined;
  const perHour = HOURS_PER_MONTH * prices.natGatewayHourly;
  const otherBytes = ctx.processedBytes - busiest.bytes;
  const transfer = monthlyDataCost(otherBytes, ctx.observedHours, prices.crossAzPerGb * CROSS_AZ_DIRECTIONS);
  const today = roundMoney(zones.length * perHour);
  const zonal = roundMoney(perHour + transfer);
  const saving = roundMoney(today - zonal);
  if (saving <= SAME_MONEY) return undefined;
  const busiestShare = ctx.processedBytes > 0 ? busiest.bytes / ctx.processedBytes : 0;
  const otherGib = projectMonthly(otherBytes / GIB, ctx.observedHours);
  return {
    code: 'ZONAL_CANDIDATE',
    severity: 'low',
    message:
      `${ctx.label} is a regional NAT gateway configured in ${zones.length} AZs: ${zones.length} × 730 h × ` +
      `${usdRate(prices.natGatewayHourly)} = ${usd(today)}/month. One zonal gateway in ${busiest.zone} (its busiest AZ, ` +
      `${percent(busiestShare)} of its bytes) would cost 730 h × ${usdRate(prices.natGatewayHourly)} = ${usd(perHour)}/month ` +
      `plus cross-AZ transfer for the other AZs' ≈ ${gib(otherGib * GIB)}/month × 2 × ${usdRate(prices.crossAzPerGb)}/GB = ` +
      `${usd(transfer)}/month: ${usd(saving)}/month less, but egress from every AZ would then depend on ` +
      `${busiest.zone}. One zonal gateway per AZ costs the same as the regional gateway, so only a single gateway saves money.`,
    estimatedMonthlySavings: saving,
    details: {
      availabilityZones: zones.map((z) => z.zone),
      busiestAvailabilityZone: busiest.zone,
      regionalMonthlyCost: today,
      zonalMonthlyCost: zonal,
      crossAzTransferMonthlyCost: transfer,
    },
  };
}
