// DescribeNatGateways and DeleteNatGateway. A describe that sees a gateway in transition lets simulated
// time pass (a waiter's poll), so SDK waiters finish in milliseconds of real time.
import type {
  DeleteNatGatewayCommandInput,
  DeleteNatGatewayResult,
  DescribeNatGatewaysCommandInput,
  DescribeNatGatewaysResult,
  NatGateway,
  NatGatewayAddress,
} from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import type { SnapshotNatGateway } from '../snapshot-schema';
import { type Ec2Context, findNatGateway } from './ec2-context';
import { listGiven, missingParameter, refuseDryRun } from './ec2-errors';
import { applyFilters, type FilterFields } from './filters';
import { derivedId } from './ids';
import { isRegionalEntry, regionalAddresses, regionalAllocations } from './nat-regional';
import { paginate } from './paging';
import { toTagList } from './tags';

const TRANSITIONAL_STATES: ReadonlySet<string> = new Set(['pending', 'deleting']);

const FILTER_FIELDS: FilterFields<SnapshotNatGateway> = {
  'nat-gateway-id': (g) => [g.natGatewayId],
  state: (g) => [g.state],
  'subnet-id': (g) => [g.subnetId],
  'vpc-id': (g) => [g.vpcId],
};

export function natGatewayNotFound(sim: SimAccount, natGatewayId: string): Error {
  return sim.error('EC2', 'NatGatewayNotFound', `The Nat Gateway ${natGatewayId} was not found`);
}

function failureMessage(gateway: SnapshotNatGateway): string | undefined {
  const code = gateway.failureCode;
  if (code === undefined) return undefined;
  const allocationId = gateway.allocationId ?? regionalAllocations(gateway)[0];
  if (code === 'Resource.AlreadyAssociated')
    return `Elastic IP address [${allocationId}] is already associated`;
  if (code === 'InvalidAllocationID.NotFound')
    return `Elastic IP address [${allocationId}] could not be found`;
  return `NAT gateway ${gateway.natGatewayId} failed: ${code}`;
}

function addressesOf(ctx: Ec2Context, gateway: SnapshotNatGateway): NatGatewayAddress[] {
  const networkInterfaceId = derivedId('eni', gateway.natGatewayId);
  const failed = gateway.state === 'failed';
  const entry = (
    privateIp: string | undefined,
    isPrimary: boolean,
    allocationId?: string,
  ): NatGatewayAddress => {
    const held = allocationId !== undefined && ctx.nat.holderOf(allocationId) === gateway;
    return {
      ...(allocationId === undefined
        ? {}
        : {
            AllocationId: allocationId,
            PublicIp: ctx.sim.state.elasticIps.find((eip) => eip.allocationId === allocationId)?.publicIp,
          }),
      ...(held ? { AssociationId: derivedId('eipassoc', `${gateway.natGatewayId}:${allocationId}`) } : {}),
      NetworkInterfaceId: networkInterfaceId,
      PrivateIp: privateIp,
      IsPrimary: isPrimary,
      Status: failed ? 'failed' : 'succeeded',
      ...(failed && isPrimary ? { FailureMessage: failureMessage(gateway) } : {}),
    };
  };
  const secondaryIps = gateway.secondaryPrivateIps ?? [];
  if (gateway.connectivityType === 'private') {
    return [entry(gateway.privateIp, true), ...secondaryIps.map((ip) => entry(ip, false))];
  }
  return [
    entry(gateway.privateIp, true, gateway.allocationId),
    ...(gateway.secondaryAllocationIds ?? []).map((allocationId, i) =>
      entry(secondaryIps[i], false, allocationId),
    ),
  ];
}

function describeRegional(ctx: Ec2Context, gateway: SnapshotNatGateway): NatGateway {
  const automatic = gateway.autoProvisionZones === 'enabled';
  return {
    NatGatewayId: gateway.natGatewayId,
    VpcId: gateway.vpcId,
    State: gateway.state,
    ConnectivityType: gateway.connectivityType,
    AvailabilityMode: 'regional',
    AutoProvisionZones: gateway.autoProvisionZones ?? 'disabled',
    AutoScalingIps: gateway.autoScalingIps ?? (automatic ? 'enabled' : 'disabled'),
    ...(gateway.routeTableId ? { RouteTableId: gateway.routeTableId } : {}),
    CreateTime: new Date(gateway.createTime),
    ...(gateway.deleteTime ? { DeleteTime: new Date(gateway.deleteTime) } : {}),
    ...(gateway.failureCode
      ? { FailureCode: gateway.failureCode, FailureMessage: failureMessage(gateway) }
      : {}),
    NatGatewayAddresses: regionalAddresses(ctx, gateway, failureMessage(gateway)),
    ...appliancesOf(gateway),
    Tags: toTagList(gateway.tags),
  };
}

function appliancesOf(gateway: SnapshotNatGateway): Pick<NatGateway, 'AttachedAppliances'> {
  const appliances = gateway.attachedAppliances ?? [];
  if (appliances.length === 0) return {};
  return {
    AttachedAppliances: appliances.map((a) => ({
      Type: a.type === 'network-firewall-proxy' ? 'network-firewall-proxy' : undefined,
      ApplianceArn: a.applianceArn,
      VpcEndpointId: a.vpcEndpointId,
      AttachmentState: APPLIANCE_STATES.find((state) => state === a.attachmentState) ?? 'attached',
    })),
  };
}

const APPLIANCE_STATES = [
  'attached',
  'attaching',
  'attach-failed',
  'detached',
  'detaching',
  'detach-failed',
] as const;

export function describeNatGateway(ctx: Ec2Context, gateway: SnapshotNatGateway): NatGateway {
  if (isRegionalEntry(gateway)) return describeRegional(ctx, gateway);
  return {
    NatGatewayId: gateway.natGatewayId,
    VpcId: gateway.vpcId,
    SubnetId: gateway.subnetId,
    State: gateway.state,
    ConnectivityType: gateway.connectivityType,
    AvailabilityMode: 'zonal',
    CreateTime: new Date(gateway.createTime),
    ...(gateway.deleteTime ? { DeleteTime: new Date(gateway.deleteTime) } : {}),
    ...(gateway.failureCode
      ? { FailureCode: gateway.failureCode, FailureMessage: failureMessage(gateway) }
      : {}),
    NatGatewayAddresses: addressesOf(ctx, gateway),
    ...appliancesOf(gateway),
    Tags: toTagList(gateway.tags),
  };
}

function select(sim: SimAccount, input: DescribeNatGatewaysCommandInput): SnapshotNatGateway[] {
  const all = sim.state.natGateways;
  let selected = all;
  if (listGiven(input.NatGatewayIds)) {
    const missing = input.NatGatewayIds.find((id) => !findNatGateway(sim, id));
    if (missing !== undefined) throw natGatewayNotFound(sim, missing);
    selected = all.filter((gateway) => input.NatGatewayIds?.includes(gateway.natGatewayId));
  }
  return applyFilters(sim, selected, input.Filter, FILTER_FIELDS, (gateway) => gateway.tags);
}

export function registerNatGateways(ctx: Ec2Context): void {
  const { sim } = ctx;
  sim.on<DescribeNatGatewaysCommandInput>(
    'EC2',
    'DescribeNatGateways',
    (input): DescribeNatGatewaysResult => {
      refuseDryRun(sim, input);
      const pageOf = () => paginate(sim, 'DescribeNatGateways', select(sim, input), input);
      if (pageOf().page.some((gateway) => TRANSITIONAL_STATES.has(gateway.state))) {
        sim.advance(sim.timings.pollAdvanceSeconds);
      }
      const { page, nextToken } = pageOf();
      return { NatGateways: page.map((gateway) => describeNatGateway(ctx, gateway)), NextToken: nextToken };
    },
  );

  sim.on<DeleteNatGatewayCommandInput>('EC2', 'DeleteNatGateway', (input): DeleteNatGatewayResult => {
    if (!input.NatGatewayId) throw missingParameter(sim, 'NatGatewayId');
    const gateway = findNatGateway(sim, input.NatGatewayId);
    if (!gateway || gateway.state === 'deleted') throw natGatewayNotFound(sim, input.NatGatewayId);
    refuseDryRun(sim, input);
    if (gateway.state !== 'deleting') {
      ctx.nat.beginDeletion(gateway);
      for (const table of sim.state.routeTables) {
        for (const route of table.routes)
          if (route.natGatewayId === gateway.natGatewayId) route.state = 'blackhole';
      }
    }
    return { NatGatewayId: gateway.natGatewayId };
  });
}
