// Contract 2: the account snapshot. Validated once on load; a broken one is rejected naming the field.
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'nat-optimizer/account-snapshot@1';

const isoInstant = z.iso.datetime({ offset: true });
const tags = z.record(z.string(), z.string()).default({});

const ROUTE_TARGETS = [
  'gatewayId',
  'natGatewayId',
  'vpcEndpointId',
  'transitGatewayId',
  'vpcPeeringConnectionId',
  'networkInterfaceId',
  'egressOnlyInternetGatewayId',
  'localGatewayId',
  'carrierGatewayId',
  'instanceId',
  'coreNetworkArn',
] as const;
export type RouteTargetKey = (typeof ROUTE_TARGETS)[number];

const route = z
  .looseObject({
    destinationCidrBlock: z.string().optional(),
    destinationPrefixListId: z.string().optional(),
    destinationIpv6CidrBlock: z.string().optional(),
    ...Object.fromEntries(ROUTE_TARGETS.map((key) => [key, z.string().optional()])),
    state: z.enum(['active', 'blackhole']).optional(),
  })
  .superRefine((value, ctx) => {
    const destinations = [
      'destinationCidrBlock',
      'destinationPrefixListId',
      'destinationIpv6CidrBlock',
    ].filter((key) => value[key] !== undefined);
    if (destinations.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'a route needs exactly one destination (CIDR or prefix list)',
      });
    }
    const targets = ROUTE_TARGETS.filter((key) => value[key] !== undefined);
    if (targets.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `a route needs exactly one target, found ${targets.length}` });
    }
  });

const natGatewayState = z.enum(['pending', 'failed', 'available', 'deleting', 'deleted']);

/** Zonal gateways: a subnet, a primary address. Regional ones (Contract 2): a VPC and addresses per AZ. */
const natGateway = z
  .looseObject({
    natGatewayId: z.string().startsWith('nat-'),
    vpcId: z.string(),
    availabilityMode: z.enum(['zonal', 'regional']).optional(),
    subnetId: z.string().optional(),
    state: natGatewayState,
    connectivityType: z.enum(['public', 'private']),
    allocationId: z.string().optional(),
    secondaryAllocationIds: z.array(z.string()).optional(),
    privateIp: z.string().optional(),
    secondaryPrivateIps: z.array(z.string()).optional(),
    availabilityZoneAddresses: z
      .array(z.looseObject({ availabilityZone: z.string(), allocationIds: z.array(z.string()).min(1) }))
      .optional(),
    autoProvisionZones: z.enum(['enabled', 'disabled']).optional(),
    autoScalingIps: z.enum(['enabled', 'disabled']).optional(),
    routeTableId: z.string().optional(),
    attachedAppliances: z
      .array(
        z.looseObject({
          type: z.string(),
          applianceArn: z.string().optional(),
          vpcEndpointId: z.string().optional(),
          attachmentState: z.string().optional(),
        }),
      )
      .optional(),
    createTime: isoInstant,
    deleteTime: isoInstant.optional(),
    failureCode: z.string().optional(),
    tags,
  })
  .superRefine((gateway, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (gateway.availabilityMode === 'regional') {
      if (gateway.subnetId !== undefined) issue('subnetId', 'a regional NAT gateway has no subnet');
      if (gateway.allocationId !== undefined)
        issue('allocationId', 'a regional NAT gateway keeps its addresses in availabilityZoneAddresses');
      if (gateway.connectivityType !== 'public')
        issue('connectivityType', 'regional NAT gateways are public only');
      if (!gateway.availabilityZoneAddresses || gateway.availabilityZoneAddresses.length === 0)
        issue('availabilityZoneAddresses', 'a regional NAT gateway needs at least one AZ with its addresses');
      return;
    }
    if (gateway.subnetId === undefined) issue('subnetId', 'required for a zonal NAT gateway');
    if (gateway.privateIp === undefined) issue('privateIp', 'required for a zonal NAT gateway');
    for (const field of ['availabilityZoneAddresses', 'autoProvisionZones', 'autoScalingIps', 'routeTableId'])
      if (gateway[field] !== undefined)
        issue(field, 'only a regional NAT gateway (availabilityMode "regional") has it');
  });

/** One metric's hourly values. */
const hourlySeries = z.array(z.number().nonnegative());
/** A gateway's series by metric name; a regional gateway's under byAvailabilityZone[<az>] (Contract 2). */
const gatewayMetrics = z
  .object({ byAvailabilityZone: z.record(z.string(), z.record(z.string(), hourlySeries)).optional() })
  .catchall(hourlySeries);

export const snapshotSchema = z.looseObject({
  format: z.literal(SNAPSHOT_FORMAT),
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region code such as us-east-1'),
  capturedAt: isoInstant,
  vpcs: z.array(z.looseObject({ vpcId: z.string().startsWith('vpc-'), cidrBlock: z.string(), tags })),
  subnets: z.array(
    z.looseObject({
      subnetId: z.string().startsWith('subnet-'),
      vpcId: z.string(),
      availabilityZone: z.string(),
      cidrBlock: z.string(),
      tags,
    }),
  ),
  internetGateways: z.array(z.looseObject({ internetGatewayId: z.string(), vpcId: z.string() })),
  routeTables: z.array(
    z.looseObject({
      routeTableId: z.string().startsWith('rtb-'),
      vpcId: z.string(),
      main: z.boolean(),
      subnetIds: z.array(z.string()),
      tags,
      routes: z.array(route),
    }),
  ),
  natGateways: z.array(natGateway),
  elasticIps: z.array(
    z.looseObject({ allocationId: z.string().startsWith('eipalloc-'), publicIp: z.string(), tags }),
  ),
  vpcEndpoints: z.array(
    z.looseObject({
      vpcEndpointId: z.string().startsWith('vpce-'),
      vpcId: z.string(),
      serviceName: z.string(),
      vpcEndpointType: z.string(),
      routeTableIds: z.array(z.string()).default([]),
      tags: tags.optional(),
    }),
  ),
  prefixLists: z.array(z.looseObject({ prefixListId: z.string(), prefixListName: z.string() })),
  metrics: z.looseObject({
    periodSeconds: z.literal(3600),
    start: isoInstant,
    natGateways: z.record(z.string(), gatewayMetrics),
  }),
  trafficByService: z
    .record(
      z.string(),
      z.looseObject({
        S3: z.number().nonnegative(),
        DYNAMODB: z.number().nonnegative(),
        OTHER: z.number().nonnegative(),
      }),
    )
    .optional(),
  alarms: z
    .array(
      z.looseObject({
        alarmName: z.string(),
        natGatewayId: z.string(),
        state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']),
      }),
    )
    .optional(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotRoute = Snapshot['routeTables'][number]['routes'][number];
export type SnapshotNatGateway = Snapshot['natGateways'][number];
