// CreateNatGateway: validation, AZ quota, idempotency by ClientToken, and the failure AWS reports
// asynchronously when the Elastic IP is still held by another gateway.

import type { CreateNatGatewayCommandInput, CreateNatGatewayResult, Tag } from '@aws-sdk/client-ec2';
import { NAT_GATEWAYS_PER_AZ } from '../../domain/aws-limits';
import type { SimAccount } from '../sim-account';
import type { SnapshotNatGateway } from '../snapshot-schema';
import { type Ec2Context, findNatGateway, findSubnet } from './ec2-context';
import {
  invalidParameterCombination,
  invalidParameterValue,
  listGiven,
  missingParameter,
  refuseDryRun,
  requireKnownIds,
} from './ec2-errors';
import { describeNatGateway } from './nat-gateways';
import { isoAt, LIVE_STATES } from './nat-lifecycle-state';
import { planPrivateIps } from './nat-private-ips';
import { createRegional } from './nat-regional';
import { checkTagCount, type TagRecord, validateTags } from './tags';

const MAX_CLIENT_TOKEN_LENGTH = 64;
const NAT_GATEWAY_RESOURCE_TYPE = 'natgateway';

/** Same request, same text: keys sorted, undefined values dropped. */
function fingerprint(input: CreateNatGatewayCommandInput): string {
  const { ClientToken: _token, DryRun: _dryRun, ...parameters } = input;
  return JSON.stringify(parameters, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

function requestedTags(sim: SimAccount, input: CreateNatGatewayCommandInput): TagRecord {
  const tags: Tag[] = [];
  for (const specification of input.TagSpecifications ?? []) {
    if (specification.ResourceType !== NAT_GATEWAY_RESOURCE_TYPE) {
      throw invalidParameterValue(
        sim,
        `'${specification.ResourceType}' is not a valid taggable resource type for this operation.`,
      );
    }
    tags.push(...(specification.Tags ?? []));
  }
  const record = validateTags(sim, tags);
  checkTagCount(sim, record);
  return record;
}

function checkAzQuota(sim: SimAccount, availabilityZone: string): void {
  const inZone = sim.state.natGateways.filter(
    (gateway) =>
      LIVE_STATES.has(gateway.state) &&
      gateway.subnetId !== undefined &&
      findSubnet(sim, gateway.subnetId)?.availabilityZone === availabilityZone,
  );
  if (inZone.length >= NAT_GATEWAYS_PER_AZ) {
    throw sim.error(
      'EC2',
      'NatGatewayLimitExceeded',
      `Performing this operation would exceed the limit of ${NAT_GATEWAYS_PER_AZ} NAT gateways in ${availabilityZone}`,
    );
  }
}

function allocationsOf(sim: SimAccount, input: CreateNatGatewayCommandInput, connectivity: string): string[] {
  const secondary = input.SecondaryAllocationIds ?? [];
  if (connectivity === 'private') {
    if (input.AllocationId !== undefined || listGiven(secondary)) {
      throw sim.error(
        'EC2',
        'InvalidParameterCombination',
        'Elastic IP addresses cannot be used with a private NAT gateway',
      );
    }
    return [];
  }
  if (!input.AllocationId) throw missingParameter(sim, 'AllocationId');
  const allocations = [input.AllocationId, ...secondary];
  const known = (id: string) => sim.state.elasticIps.some((eip) => eip.allocationId === id);
  requireKnownIds(sim, allocations, known, 'InvalidAllocationID.NotFound', 'allocation');
  return allocations;
}

function create(ctx: Ec2Context, input: CreateNatGatewayCommandInput): SnapshotNatGateway {
  const { sim } = ctx;
  if (input.AvailabilityMode === 'regional') {
    const tags = requestedTags(sim, input);
    return createRegional(ctx, input, { tags, beforeCreate: () => refuseDryRun(sim, input) });
  }
  if (input.VpcId !== undefined || listGiven(input.AvailabilityZoneAddresses)) {
    throw invalidParameterCombination(
      sim,
      'VpcId and AvailabilityZoneAddresses are for a regional NAT gateway (AvailabilityMode regional)',
    );
  }
  if (!input.SubnetId) throw missingParameter(sim, 'SubnetId');
  const subnet = findSubnet(sim, input.SubnetId);
  if (!subnet)
    throw sim.error('EC2', 'InvalidSubnetID.NotFound', `The subnet ID '${input.SubnetId}' does not exist`);
  const connectivityType = input.ConnectivityType ?? 'public';
  const allocations = allocationsOf(sim, input, connectivityType);
  const ips = planPrivateIps(sim, subnet, input, Math.max(allocations.length - 1, 0));
  const tags = requestedTags(sim, input);
  checkAzQuota(sim, subnet.availabilityZone);
  refuseDryRun(sim, input);
  const [allocationId, ...secondaryAllocationIds] = allocations;
  const stillHeld = allocations.some((id) => ctx.nat.holderOf(id) !== undefined);
  const gateway: SnapshotNatGateway = {
    natGatewayId: ctx.ids.next('nat'),
    vpcId: subnet.vpcId,
    subnetId: subnet.subnetId,
    state: 'pending',
    connectivityType,
    ...(allocationId === undefined ? {} : { allocationId }),
    ...(secondaryAllocationIds.length > 0 ? { secondaryAllocationIds } : {}),
    privateIp: ips.primary,
    ...(ips.secondary.length > 0 ? { secondaryPrivateIps: ips.secondary } : {}),
    createTime: isoAt(sim.now().getTime()),
    tags,
  };
  sim.state.natGateways.push(gateway);
  ctx.nat.provision(gateway, stillHeld ? 'Resource.AlreadyAssociated' : undefined);
  return gateway;
}

export function registerNatCreate(ctx: Ec2Context): void {
  const { sim } = ctx;
  const byToken = new Map<string, { fingerprint: string; natGatewayId: string }>();
  sim.on<CreateNatGatewayCommandInput>('EC2', 'CreateNatGateway', (input): CreateNatGatewayResult => {
    const token = input.ClientToken;
    if (token !== undefined && token.length > MAX_CLIENT_TOKEN_LENGTH) {
      throw invalidParameterValue(
        sim,
        `The client token must be at most ${MAX_CLIENT_TOKEN_LENGTH} characters long`,
      );
    }
    const earlier = token ? byToken.get(token) : undefined;
    if (earlier && earlier.fingerprint !== fingerprint(input)) {
      throw sim.error(
        'EC2',
        'IdempotentParameterMismatch',
        'The client token you have provided is associated with a resource that is already created with different parameters',
      );
    }
    const existing = earlier ? findNatGateway(sim, earlier.natGatewayId) : undefined;
    if (existing) return { ClientToken: token, NatGateway: describeNatGateway(ctx, existing) };
    const gateway = create(ctx, input);
    if (token) byToken.set(token, { fingerprint: fingerprint(input), natGatewayId: gateway.natGatewayId });
    return { ClientToken: token, NatGateway: describeNatGateway(ctx, gateway) };
  });
}
