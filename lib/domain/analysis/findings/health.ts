// PORT_ALLOCATION_ERRORS and PACKET_DROPS: the gateway failing the traffic it carries.

import { MAX_ADDRESSES_PER_NAT_GATEWAY } from '../../aws-limits';
import { sumOf } from '../../metric-series';
import { isRegional } from '../../model';
import type { Finding } from '../analysis-result';
import { count, hours, percent } from './finding-text';
import type { GatewayContext } from './gateway-context';
import { regionalPortAllocationFinding } from './regional-zones';

const PORTS_PER_ADDRESS_AND_DESTINATION = 55_000;

export function healthFindings(ctx: GatewayContext): Finding[] {
  return [portAllocationFinding(ctx), packetDropFinding(ctx)].filter((f): f is Finding => f !== undefined);
}

function addressCount(ctx: GatewayContext): number {
  const { gateway } = ctx;
  const secondary =
    gateway.connectivityType === 'public'
      ? gateway.secondaryAllocationIds.length
      : gateway.secondaryPrivateIps.length;
  return 1 + secondary;
}

function portAllocationFinding(ctx: GatewayContext): Finding | undefined {
  if (isRegional(ctx.gateway)) return regionalPortAllocationFinding(ctx);
  const errors = sumOf(ctx.metrics.ErrorPortAllocation);
  if (errors <= 0 || errors < ctx.settings.portAllocationErrorThreshold) return undefined;
  const addresses = addressCount(ctx);
  return {
    code: 'PORT_ALLOCATION_ERRORS',
    severity: 'high',
    message:
      `${ctx.label} could not allocate a source port ${count(errors)} times in ${hours(ctx.observedHours)} ` +
      `(ErrorPortAllocation): connections to a single destination exhausted the ` +
      `${count(PORTS_PER_ADDRESS_AND_DESTINATION)} simultaneous connections per address, and those connections ` +
      `failed. It has ${addresses} address${addresses === 1 ? '' : 'es'}: add secondary IP addresses (up to ` +
      `${MAX_ADDRESSES_PER_NAT_GATEWAY}) or spread the traffic over more destinations.`,
    estimatedMonthlySavings: null,
    details: { errorPortAllocation: errors, addresses },
  };
}

function packetDropFinding(ctx: GatewayContext): Finding | undefined {
  const drops = sumOf(ctx.metrics.PacketsDropCount);
  const packetsIn = sumOf(ctx.metrics.PacketsInFromSource) + sumOf(ctx.metrics.PacketsInFromDestination);
  if (drops <= 0 || packetsIn <= 0) return undefined;
  const ratio = drops / packetsIn;
  const threshold = ctx.settings.packetDropRatioThreshold;
  if (ratio < threshold) return undefined;
  return {
    code: 'PACKET_DROPS',
    severity: 'medium',
    message:
      `${ctx.label} dropped ${count(drops)} packets in ${hours(ctx.observedHours)}, ${percent(ratio)} of the ` +
      `packets it received (threshold ${percent(threshold)}). Check the AWS Health Dashboard for the gateway's AZ ` +
      'and whether the gateway is near its limits (ActiveConnectionCount, bandwidth); open an AWS Support case if ' +
      'it persists.',
    estimatedMonthlySavings: null,
    details: { packetsDropCount: drops, packetsIn, dropRatio: ratio },
  };
}
