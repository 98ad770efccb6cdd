// One generated VPC: subnets in 1–3 AZs, public and private route tables, NAT gateways with their Elastic IPs.
import { DAY_MS, HOUR_MS } from '../lib/domain/time-units';
import type { Snapshot, SnapshotNatGateway, SnapshotRoute } from '../lib/sim/snapshot-schema';
import { between, type Random, type TrafficShape } from './generated-traffic';
import { LAYOUTS, shapeFor, tagsFor, type VpcKind } from './generated-vpc-kinds';

const TIMEZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'] as const;
const ZONE_LETTERS = 'abc';
const PRIVATE_SUBNET_OFFSET = 8;
const FIRST_HOST = 10;
const PUBLIC_IP_FIRST_OCTETS = '3.80';

export interface GeneratorContext {
  random: Random;
  region: string;
  capturedAt: Date;
  s3PrefixListId: string;
  ids: { next: number; mix: number };
}

export interface GeneratedGateway {
  gateway: SnapshotNatGateway;
  eip: Snapshot['elasticIps'][number];
  shape: TrafficShape;
}

export interface GeneratedVpc {
  vpc: Snapshot['vpcs'][number];
  subnets: Snapshot['subnets'];
  internetGateway: Snapshot['internetGateways'][number];
  routeTables: Snapshot['routeTables'];
  vpcEndpoints: Snapshot['vpcEndpoints'];
  natGateways: GeneratedGateway[];
  hasS3Endpoint: boolean;
  s3Share: [number, number];
}

/** AWS-looking ids (17 hex digits), unique by construction: the first 8 digits are a bijection of a counter. */
function resourceId(ctx: GeneratorContext, prefix: string): string {
  const n = ctx.ids.next;
  ctx.ids.next += 1;
  const unique = ((Math.imul(n, 0x2c1b3c6d) ^ ctx.ids.mix) >>> 0).toString(16).padStart(8, '0');
  const high = Math.floor(ctx.random() * 2 ** 32)
    .toString(16)
    .padStart(8, '0');
  const low = Math.floor(ctx.random() * 16).toString(16);
  return `${prefix}-${unique}${high}${low}`;
}

export function generateVpc(
  ctx: GeneratorContext,
  index: number,
  kind: VpcKind,
  remaining: number,
): GeneratedVpc {
  const layout = LAYOUTS[kind];
  const { random } = ctx;
  const name = `${kind}-${index}`;
  const [second, third] = [index >> 4, (index & 15) << 4];
  const cidr = (offset: number, bits: number) => `10.${second}.${third + offset}.0/${bits}`;
  const vpcId = resourceId(ctx, 'vpc');
  const igwId = resourceId(ctx, 'igw');
  const timezone = TIMEZONES[Math.floor(random() * TIMEZONES.length)] ?? 'UTC';
  const zones = Array.from({ length: layout.zones }, (_, z) => ({
    az: `${ctx.region}${ZONE_LETTERS[z]}`,
    publicSubnet: resourceId(ctx, 'subnet'),
    privateSubnet: resourceId(ctx, 'subnet'),
  }));
  const subnets = zones.flatMap((zone, z) => [
    {
      subnetId: zone.publicSubnet,
      vpcId,
      availabilityZone: zone.az,
      cidrBlock: cidr(z, 24),
      tags: { Name: `${name}-public-${zone.az}` },
    },
    {
      subnetId: zone.privateSubnet,
      vpcId,
      availabilityZone: zone.az,
      cidrBlock: cidr(PRIVATE_SUBNET_OFFSET + z, 24),
      tags: { Name: `${name}-private-${zone.az}` },
    },
  ]);

  const natGateways: GeneratedGateway[] = [];
  for (let position = 0; position < Math.min(layout.gateways, remaining); position += 1) {
    const z = position % layout.zones;
    const zone = zones[z];
    if (!zone) break;
    const natGatewayId = resourceId(ctx, 'nat');
    const allocationId = resourceId(ctx, 'eipalloc');
    const n = ctx.ids.next;
    const createdDaysAgo = Math.floor(between(random, 30, 900));
    const createTime = new Date(
      Math.floor((ctx.capturedAt.getTime() - createdDaysAgo * DAY_MS) / HOUR_MS) * HOUR_MS,
    );
    const gatewayName = `${name}-nat-${ZONE_LETTERS[z]}${position >= layout.zones ? position : ''}`;
    natGateways.push({
      gateway: {
        natGatewayId,
        vpcId,
        subnetId: zone.publicSubnet,
        state: 'available',
        connectivityType: 'public',
        allocationId,
        privateIp: `10.${second}.${third + z}.${FIRST_HOST + position}`,
        createTime: createTime.toISOString().replace('.000Z', 'Z'),
        tags: tagsFor(ctx.random, kind, gatewayName, timezone),
      },
      eip: {
        allocationId,
        publicIp: `${PUBLIC_IP_FIRST_OCTETS}.${(n >> 8) & 255}.${n & 255}`,
        tags: { Name: `${gatewayName}-eip` },
      },
      shape: shapeFor(ctx.random, kind, position, timezone),
    });
  }

  // Legacy's second gateway is the forgotten one: nothing routes to it.
  const routed = kind === 'legacy' ? natGateways.slice(0, 1) : natGateways;
  const hasS3Endpoint = random() < layout.s3EndpointChance;
  const endpointId = resourceId(ctx, 'vpce');
  const local: SnapshotRoute = { destinationCidrBlock: cidr(0, 20), gatewayId: 'local' };
  const privateTables = zones.map((zone, z) => {
    const target = routed.find((g) => g.gateway.subnetId === zone.publicSubnet) ?? routed[0];
    const routes: SnapshotRoute[] = [local];
    if (target) routes.push({ destinationCidrBlock: '0.0.0.0/0', natGatewayId: target.gateway.natGatewayId });
    if (hasS3Endpoint)
      routes.push({ destinationPrefixListId: ctx.s3PrefixListId, vpcEndpointId: endpointId });
    return {
      routeTableId: resourceId(ctx, 'rtb'),
      vpcId,
      main: false,
      subnetIds: [zone.privateSubnet],
      tags: { Name: `${name}-private-${ZONE_LETTERS[z]}` },
      routes,
    };
  });
  const routeTables = [
    {
      routeTableId: resourceId(ctx, 'rtb'),
      vpcId,
      main: true,
      subnetIds: [],
      tags: { Name: `${name}-main` },
      routes: [local],
    },
    {
      routeTableId: resourceId(ctx, 'rtb'),
      vpcId,
      main: false,
      subnetIds: zones.map((zone) => zone.publicSubnet),
      tags: { Name: `${name}-public` },
      routes: [local, { destinationCidrBlock: '0.0.0.0/0', gatewayId: igwId }],
    },
    ...privateTables,
  ];
  const vpcEndpoints = hasS3Endpoint
    ? [
        {
          vpcEndpointId: endpointId,
          vpcId,
          serviceName: `com.amazonaws.${ctx.region}.s3`,
          vpcEndpointType: 'Gateway',
          routeTableIds: privateTables.map((t) => t.routeTableId),
        },
      ]
    : [];
  return {
    vpc: { vpcId, cidrBlock: cidr(0, 20), tags: { Name: name } },
    subnets,
    internetGateway: { internetGatewayId: igwId, vpcId },
    routeTables,
    vpcEndpoints,
    natGateways,
    hasS3Endpoint,
    s3Share: layout.s3Share,
  };
}
