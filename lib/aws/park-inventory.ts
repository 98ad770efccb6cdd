// What the scheduler reads each run: subnets, route tables, NAT gateways and Elastic IPs (no VPCs, endpoints or
// prefix lists): four paginated describes, so a run every few minutes stays cheap.
import {
  DescribeAddressesCommand,
  type EC2Client,
  paginateDescribeNatGateways,
  paginateDescribeRouteTables,
  paginateDescribeSubnets,
} from '@aws-sdk/client-ec2';
import type { Inventory, Subnet } from '../domain/model';
import { tagsOf, toNatGateway, toRouteTables } from './inventory';

const PAGE_SIZE = 1000;
const ROUTE_TABLE_PAGE_SIZE = 100;

async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

export async function loadParkInventory(ec2: EC2Client, region: string): Promise<Inventory> {
  const [sdkSubnets, tables, gateways, addresses] = await Promise.all([
    collect(paginateDescribeSubnets({ client: ec2, pageSize: PAGE_SIZE }, {}), (p) => p.Subnets),
    collect(
      paginateDescribeRouteTables({ client: ec2, pageSize: ROUTE_TABLE_PAGE_SIZE }, {}),
      (p) => p.RouteTables,
    ),
    collect(paginateDescribeNatGateways({ client: ec2, pageSize: PAGE_SIZE }, {}), (p) => p.NatGateways),
    ec2.send(new DescribeAddressesCommand({})).then((r) => r.Addresses ?? []),
  ]);
  const subnets: Subnet[] = sdkSubnets.map((s) => ({
    subnetId: s.SubnetId ?? '',
    vpcId: s.VpcId ?? '',
    availabilityZone: s.AvailabilityZone ?? '',
    cidrBlock: s.CidrBlock ?? '',
    tags: tagsOf(s.Tags),
  }));
  const subnetAz = new Map(subnets.map((s) => [s.subnetId, s.availabilityZone]));
  return {
    region,
    vpcs: [],
    subnets,
    routeTables: toRouteTables(tables, subnets),
    natGateways: gateways.map((g) => ({
      ...toNatGateway(g, subnetAz),
      ...(g.AvailabilityMode ? { availabilityMode: g.AvailabilityMode } : {}),
    })),
    elasticIps: addresses.map((a) => ({
      allocationId: a.AllocationId ?? '',
      publicIp: a.PublicIp ?? '',
      ...(a.AssociationId ? { associationId: a.AssociationId } : {}),
      ...(a.NetworkInterfaceId ? { networkInterfaceId: a.NetworkInterfaceId } : {}),
      tags: tagsOf(a.Tags),
    })),
    vpcEndpoints: [],
    prefixLists: [],
  };
}
