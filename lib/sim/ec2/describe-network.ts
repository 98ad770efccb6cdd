// DescribeVpcs, DescribeSubnets and DescribeInternetGateways.
import type {
  DescribeInternetGatewaysCommandInput,
  DescribeInternetGatewaysResult,
  DescribeSubnetsCommandInput,
  DescribeSubnetsResult,
  DescribeVpcsCommandInput,
  DescribeVpcsResult,
  InternetGateway,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import { zoneIdOf } from './availability-zones';
import { describeResources } from './describe-resources';
import type { FilterFields } from './filters';
import { parseCidr, usableAddressCount } from './ipv4';
import { LIVE_STATES } from './nat-lifecycle-state';
import { DEFAULT_PAGE_RANGE } from './paging';
import { describedTags, toTagList } from './tags';

function addressesInUse(sim: SimAccount, subnetId: string): number {
  return sim.state.natGateways
    .filter((gateway) => gateway.subnetId === subnetId && LIVE_STATES.has(gateway.state))
    .reduce((count, gateway) => count + 1 + (gateway.secondaryPrivateIps?.length ?? 0), 0);
}

const VPC_FIELDS: FilterFields<Vpc> = {
  'vpc-id': (v) => [v.VpcId],
  'cidr-block': (v) => [v.CidrBlock],
  cidr: (v) => [v.CidrBlock],
  state: (v) => [v.State],
  'is-default': (v) => [String(v.IsDefault)],
  'owner-id': (v) => [v.OwnerId],
};

const SUBNET_FIELDS: FilterFields<Subnet> = {
  'subnet-id': (s) => [s.SubnetId],
  'vpc-id': (s) => [s.VpcId],
  'availability-zone': (s) => [s.AvailabilityZone],
  'availability-zone-id': (s) => [s.AvailabilityZoneId],
  'cidr-block': (s) => [s.CidrBlock],
  state: (s) => [s.State],
  'default-for-az': (s) => [String(s.DefaultForAz)],
  'owner-id': (s) => [s.OwnerId],
};

const INTERNET_GATEWAY_FIELDS: FilterFields<InternetGateway> = {
  'internet-gateway-id': (g) => [g.InternetGatewayId],
  'attachment.vpc-id': (g) => (g.Attachments ?? []).map((a) => a.VpcId),
  'attachment.state': (g) => (g.Attachments ?? []).map((a) => a.State),
  'owner-id': (g) => [g.OwnerId],
};

export function registerNetworkDescribes(sim: SimAccount): void {
  const { state } = sim;
  sim.on<DescribeVpcsCommandInput>('EC2', 'DescribeVpcs', (input): DescribeVpcsResult => {
    const { page, nextToken } = describeResources(sim, {
      command: 'DescribeVpcs',
      input,
      items: state.vpcs,
      idOf: (vpc) => vpc.vpcId,
      requestedIds: input.VpcIds,
      notFound: { code: 'InvalidVpcID.NotFound', noun: 'vpc' },
      describe: (vpc): Vpc => ({
        VpcId: vpc.vpcId,
        CidrBlock: vpc.cidrBlock,
        CidrBlockAssociationSet: [{ CidrBlock: vpc.cidrBlock, CidrBlockState: { State: 'associated' } }],
        State: 'available',
        IsDefault: false,
        InstanceTenancy: 'default',
        OwnerId: state.accountId,
        Tags: toTagList(vpc.tags),
      }),
      fields: VPC_FIELDS,
      tagsOf: describedTags,
      pageRange: DEFAULT_PAGE_RANGE,
    });
    return { Vpcs: page, NextToken: nextToken };
  });

  sim.on<DescribeSubnetsCommandInput>('EC2', 'DescribeSubnets', (input): DescribeSubnetsResult => {
    const { page, nextToken } = describeResources(sim, {
      command: 'DescribeSubnets',
      input,
      items: state.subnets,
      idOf: (subnet) => subnet.subnetId,
      requestedIds: input.SubnetIds,
      notFound: { code: 'InvalidSubnetID.NotFound', noun: 'subnet' },
      describe: (subnet): Subnet => {
        const cidr = parseCidr(subnet.cidrBlock);
        return {
          SubnetId: subnet.subnetId,
          SubnetArn: `arn:aws:ec2:${state.region}:${state.accountId}:subnet/${subnet.subnetId}`,
          VpcId: subnet.vpcId,
          AvailabilityZone: subnet.availabilityZone,
          AvailabilityZoneId: zoneIdOf(sim, subnet.availabilityZone),
          CidrBlock: subnet.cidrBlock,
          AvailableIpAddressCount: cidr ? usableAddressCount(cidr) - addressesInUse(sim, subnet.subnetId) : 0,
          State: 'available',
          DefaultForAz: false,
          MapPublicIpOnLaunch: false,
          OwnerId: state.accountId,
          Tags: toTagList(subnet.tags),
        };
      },
      fields: SUBNET_FIELDS,
      tagsOf: describedTags,
      pageRange: DEFAULT_PAGE_RANGE,
    });
    return { Subnets: page, NextToken: nextToken };
  });

  sim.on<DescribeInternetGatewaysCommandInput>(
    'EC2',
    'DescribeInternetGateways',
    (input): DescribeInternetGatewaysResult => {
      const { page, nextToken } = describeResources(sim, {
        command: 'DescribeInternetGateways',
        input,
        items: state.internetGateways,
        idOf: (igw) => igw.internetGatewayId,
        requestedIds: input.InternetGatewayIds,
        notFound: { code: 'InvalidInternetGatewayID.NotFound', noun: 'internetGateway' },
        describe: (igw): InternetGateway => ({
          InternetGatewayId: igw.internetGatewayId,
          Attachments: [{ VpcId: igw.vpcId, State: 'attached' }],
          OwnerId: state.accountId,
          Tags: [],
        }),
        fields: INTERNET_GATEWAY_FIELDS,
        tagsOf: describedTags,
        pageRange: DEFAULT_PAGE_RANGE,
      });
      return { InternetGateways: page, NextToken: nextToken };
    },
  );
}
