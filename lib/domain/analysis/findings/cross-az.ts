// CROSS_AZ: subnets in other AZs reaching the internet through this gateway pay cross-AZ transfer.

import { HOURS_PER_MONTH, monthlyDataCost, roundMoney } from '../../pricing/cost-model';
import { CROSS_AZ_DIRECTIONS } from '../../pricing/prices';
import type { Finding } from '../analysis-result';
import { usd } from './finding-text';
import type { GatewayContext } from './gateway-context';
import { remoteSubnets } from './route-tables';

export function crossAzFinding(ctx: GatewayContext): Finding | undefined {
  const { gateway, inventory, prices } = ctx;
  if (gateway.state !== 'available' || gateway.availabilityMode === 'regional') return undefined;
  const { remote, zones, share, subnetCount } = remoteSubnets(inventory, gateway, ctx.routeTables);
  if (remote.length === 0) return undefined;
  const crossAzBytes = ctx.processedBytes * share;
  const transfer = monthlyDataCost(
    crossAzBytes,
    ctx.observedHours,
    prices.crossAzPerGb * CROSS_AZ_DIRECTIONS,
  );
  const perGateway =
    HOURS_PER_MONTH *
    (prices.natGatewayHourly + (gateway.connectivityType === 'public' ? prices.publicIpv4Hourly : 0));
  const added = roundMoney(perGateway * zones.length);
  const zoneList = zones.join(', ');
  const seen =
    `${ctx.label} is in ${gateway.availabilityZone}, but ${remote.length} of the ${subnetCount} subnets routed ` +
    `through it ${remote.length === 1 ? 'is' : 'are'} in ${zoneList}; their share of its traffic (estimated by subnet count) pays cross-AZ transfer of about ` +
    `${usd(transfer)}/month (${usd(prices.crossAzPerGb)}/GB each way).`;
  const details = {
    crossAzSubnetIds: remote,
    availabilityZones: zones,
    crossAzShare: share,
    crossAzBytes,
    monthlyTransferCost: transfer,
    monthlyCostOfAddedGateways: added,
  };
  if (transfer > added) {
    const saving = roundMoney(transfer - added);
    return {
      code: 'CROSS_AZ',
      severity: 'medium',
      message:
        `${seen} A NAT gateway in ${zoneList} costs ${usd(added)}/month, so one per AZ with each AZ's private ` +
        `route tables pointing at its own gateway would save about ${usd(saving)}/month and keep egress up when ` +
        `${gateway.availabilityZone} fails.`,
      estimatedMonthlySavings: saving,
      details,
    };
  }
  return {
    code: 'CROSS_AZ',
    severity: 'info',
    message:
      `${seen} That is cheaper than the ${usd(added)}/month of a NAT gateway in ${zoneList}, so keeping one ` +
      `gateway saves money; add one per AZ only if egress must survive an outage of ${gateway.availabilityZone}.`,
    estimatedMonthlySavings: 0,
    details,
  };
}
