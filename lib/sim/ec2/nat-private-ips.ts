// Private addresses of a new NAT gateway: the ones asked for (checked) or the lowest free ones of the subnet.

import type { CreateNatGatewayCommandInput } from '@aws-sdk/client-ec2';
import { MAX_ADDRESSES_PER_NAT_GATEWAY } from '../../domain/aws-limits';
import type { SimAccount } from '../sim-account';
import { invalidParameterCombination, invalidParameterValue } from './ec2-errors';
import { freeHosts, isUsableHost, parseCidr } from './ipv4';
import { LIVE_STATES } from './nat-lifecycle-state';

interface Subnet {
  subnetId: string;
  cidrBlock: string;
}

function takenIps(sim: SimAccount, subnetId: string): Set<string> {
  const taken = new Set<string>();
  for (const gateway of sim.state.natGateways) {
    if (gateway.subnetId !== subnetId || !LIVE_STATES.has(gateway.state)) continue;
    if (gateway.privateIp) taken.add(gateway.privateIp);
    for (const ip of gateway.secondaryPrivateIps ?? []) taken.add(ip);
  }
  return taken;
}

export function planPrivateIps(
  sim: SimAccount,
  subnet: Subnet,
  input: CreateNatGatewayCommandInput,
  secondaryAllocationCount: number,
): { primary: string; secondary: string[] } {
  const explicitSecondary = input.SecondaryPrivateIpAddresses ?? [];
  if (explicitSecondary.length > 0 && input.SecondaryPrivateIpAddressCount !== undefined) {
    throw invalidParameterCombination(
      sim,
      'SecondaryPrivateIpAddresses and SecondaryPrivateIpAddressCount cannot be used together',
    );
  }
  if (
    secondaryAllocationCount > 0 &&
    explicitSecondary.length > 0 &&
    explicitSecondary.length !== secondaryAllocationCount
  ) {
    throw invalidParameterCombination(
      sim,
      'Each secondary allocation ID needs one secondary private IP address',
    );
  }
  const secondaryCount = Math.max(
    secondaryAllocationCount,
    explicitSecondary.length,
    input.SecondaryPrivateIpAddressCount ?? 0,
  );
  if (1 + secondaryCount > MAX_ADDRESSES_PER_NAT_GATEWAY) {
    throw invalidParameterValue(
      sim,
      `A NAT gateway can have at most ${MAX_ADDRESSES_PER_NAT_GATEWAY} addresses`,
    );
  }
  const cidr = parseCidr(subnet.cidrBlock);
  if (!cidr)
    throw invalidParameterValue(
      sim,
      `Subnet ${subnet.subnetId} has an invalid CIDR block ${subnet.cidrBlock}`,
    );
  const taken = takenIps(sim, subnet.subnetId);
  const explicit = [...(input.PrivateIpAddress ? [input.PrivateIpAddress] : []), ...explicitSecondary];
  for (const ip of explicit) {
    if (!isUsableHost(cidr, ip)) {
      throw invalidParameterValue(sim, `Address ${ip} does not fall within the subnet's address range`);
    }
    if (taken.has(ip)) throw sim.error('EC2', 'InvalidIPAddress.InUse', `Address ${ip} is in use`);
    taken.add(ip);
  }
  const needed = (input.PrivateIpAddress ? 0 : 1) + secondaryCount - explicitSecondary.length;
  const free = freeHosts(cidr, taken, needed);
  if (free.length < needed) {
    throw sim.error(
      'EC2',
      'InsufficientFreeAddressesInSubnet',
      `Subnet ${subnet.subnetId} has no free address left`,
    );
  }
  const primary = input.PrivateIpAddress ?? free.shift();
  if (primary === undefined) throw invalidParameterValue(sim, 'No private IP address for the NAT gateway');
  return { primary, secondary: explicitSecondary.length > 0 ? explicitSecondary : free };
}
