// Writes test/fixtures/regional-account.json: a manual-mode regional NAT gateway over 3 AZs (prod), a zonal gateway
// (dev) and an automatic-mode regional gateway (shared), with 14 days of hourly metrics, per AZ for the regional
// ones (Contract 2). Deterministic: the same file every run.
//   npx tsx scripts/generate-regional-account.ts [--out test/fixtures/regional-account.json]

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ANALYSIS_METRICS } from '../lib/domain/metric-series';
import { GIB } from '../lib/domain/pricing/cost-model';
import { DAY_MS } from '../lib/domain/time-units';
import { type Snapshot, snapshotSchema } from '../lib/sim/snapshot-schema';
import { hourlyMetrics, processedBytes, seededRandom, type TrafficProfile } from './generated-traffic';

const CAPTURED_AT = '2026-11-16T00:00:00Z';
const DAYS = 14;
const HOURS = DAYS * 24;
const START = new Date(Date.parse(CAPTURED_AT) - DAYS * DAY_MS);
/** The metrics the analysis and the scheduler read, and the alarm's: enough for every test, small on disk. */
const KEPT = new Set<string>([...ANALYSIS_METRICS, 'ActiveConnectionCount']);

const random = seededRandom(11);

function series(profile: TrafficProfile, peakGib: number, timezone = 'UTC'): Record<string, number[]> {
  const all = hourlyMetrics(
    {
      profile,
      timezone,
      peakBytesPerHour: peakGib * GIB,
      uploadShare: 0.3,
      portErrors: false,
      packetDrops: false,
    },
    START,
    HOURS,
    random,
  );
  return Object.fromEntries(Object.entries(all).filter(([name]) => KEPT.has(name)));
}

function subnet(id: string, vpcId: string, zone: string, cidr: string, name: string) {
  return { subnetId: id, vpcId, availabilityZone: zone, cidrBlock: cidr, tags: { Name: name } };
}

function table(id: string, vpcId: string, cidr: string, subnetIds: string[], name: string, target?: object) {
  return {
    routeTableId: id,
    vpcId,
    main: false,
    subnetIds,
    tags: { Name: name },
    routes: [
      { destinationCidrBlock: cidr, gatewayId: 'local' },
      ...(target ? [{ destinationCidrBlock: '0.0.0.0/0', ...target }] : []),
    ],
  };
}

const PROD = 'vpc-0a10000000000000a';
const DEV = 'vpc-0a11000000000000b';
const SHARED = 'vpc-0a12000000000000c';
const PROD_REGIONAL = 'nat-0a10000000000001a';
const DEV_NAT = 'nat-0a11000000000001b';
const SHARED_REGIONAL = 'nat-0a12000000000001c';

export function regionalAccount(): Snapshot {
  const prodZones = {
    'us-east-1a': series('steady', 3),
    'us-east-1b': series('steady', 2),
    'us-east-1c': series('steady', 1),
  };
  const devSeries = series('office', 0.5, 'Europe/Berlin');
  const sharedZones = { 'us-east-1a': series('office', 0.2), 'us-east-1b': series('office', 0.1) };
  const prodBytes = Object.values(prodZones).reduce((sum, s) => sum + processedBytes(s), 0);
  const snapshot = {
    format: 'nat-optimizer/account-snapshot@1',
    accountId: '222233334444',
    region: 'us-east-1',
    capturedAt: CAPTURED_AT,
    vpcs: [
      { vpcId: PROD, cidrBlock: '10.10.0.0/16', tags: { Name: 'prod' } },
      { vpcId: DEV, cidrBlock: '10.11.0.0/16', tags: { Name: 'dev' } },
      { vpcId: SHARED, cidrBlock: '10.12.0.0/16', tags: { Name: 'shared' } },
    ],
    subnets: [
      subnet('subnet-0a1000000000000a1', PROD, 'us-east-1a', '10.10.100.0/24', 'prod-private-a'),
      subnet('subnet-0a1000000000000b1', PROD, 'us-east-1b', '10.10.101.0/24', 'prod-private-b'),
      subnet('subnet-0a1000000000000c1', PROD, 'us-east-1c', '10.10.102.0/24', 'prod-private-c'),
      subnet('subnet-0a1100000000000a0', DEV, 'us-east-1a', '10.11.0.0/24', 'dev-public-a'),
      subnet('subnet-0a1100000000000a1', DEV, 'us-east-1a', '10.11.100.0/24', 'dev-private-a'),
      subnet('subnet-0a1100000000000b1', DEV, 'us-east-1b', '10.11.101.0/24', 'dev-private-b'),
      subnet('subnet-0a1200000000000a1', SHARED, 'us-east-1a', '10.12.100.0/24', 'shared-private-a'),
      subnet('subnet-0a1200000000000b1', SHARED, 'us-east-1b', '10.12.101.0/24', 'shared-private-b'),
    ],
    internetGateways: [
      { internetGatewayId: 'igw-0a10000000000000a', vpcId: PROD },
      { internetGatewayId: 'igw-0a11000000000000b', vpcId: DEV },
      { internetGatewayId: 'igw-0a12000000000000c', vpcId: SHARED },
    ],
    routeTables: [
      { ...table('rtb-0a10000000000000f', PROD, '10.10.0.0/16', [], 'prod-main'), main: true },
      table('rtb-0a1000000000000a1', PROD, '10.10.0.0/16', ['subnet-0a1000000000000a1'], 'prod-private-a', {
        natGatewayId: PROD_REGIONAL,
      }),
      table('rtb-0a1000000000000b1', PROD, '10.10.0.0/16', ['subnet-0a1000000000000b1'], 'prod-private-b', {
        natGatewayId: PROD_REGIONAL,
      }),
      table('rtb-0a1000000000000c1', PROD, '10.10.0.0/16', ['subnet-0a1000000000000c1'], 'prod-private-c', {
        natGatewayId: PROD_REGIONAL,
      }),
      table('rtb-0a10000000000000e', PROD, '10.10.0.0/16', [], 'prod-regional-nat', {
        gatewayId: 'igw-0a10000000000000a',
      }),
      { ...table('rtb-0a11000000000000f', DEV, '10.11.0.0/16', [], 'dev-main'), main: true },
      table('rtb-0a1100000000000a0', DEV, '10.11.0.0/16', ['subnet-0a1100000000000a0'], 'dev-public', {
        gatewayId: 'igw-0a11000000000000b',
      }),
      table(
        'rtb-0a1100000000000a1',
        DEV,
        '10.11.0.0/16',
        ['subnet-0a1100000000000a1', 'subnet-0a1100000000000b1'],
        'dev-private',
        { natGatewayId: DEV_NAT },
      ),
      { ...table('rtb-0a12000000000000f', SHARED, '10.12.0.0/16', [], 'shared-main'), main: true },
      table(
        'rtb-0a1200000000000a1',
        SHARED,
        '10.12.0.0/16',
        ['subnet-0a1200000000000a1', 'subnet-0a1200000000000b1'],
        'shared-private',
        { natGatewayId: SHARED_REGIONAL },
      ),
      table('rtb-0a12000000000000e', SHARED, '10.12.0.0/16', [], 'shared-regional-nat', {
        gatewayId: 'igw-0a12000000000000c',
      }),
    ],
    natGateways: [
      {
        natGatewayId: PROD_REGIONAL,
        vpcId: PROD,
        availabilityMode: 'regional',
        state: 'available',
        connectivityType: 'public',
        availabilityZoneAddresses: [
          { availabilityZone: 'us-east-1a', allocationIds: ['eipalloc-0a100000000000a1'] },
          {
            availabilityZone: 'us-east-1b',
            allocationIds: ['eipalloc-0a100000000000b1', 'eipalloc-0a100000000000b2'],
          },
          { availabilityZone: 'us-east-1c', allocationIds: ['eipalloc-0a100000000000c1'] },
        ],
        autoProvisionZones: 'disabled',
        autoScalingIps: 'disabled',
        routeTableId: 'rtb-0a10000000000000e',
        createTime: '2026-01-10T09:00:00Z',
        tags: { Name: 'prod-regional', env: 'prod' },
      },
      {
        natGatewayId: DEV_NAT,
        vpcId: DEV,
        subnetId: 'subnet-0a1100000000000a0',
        state: 'available',
        connectivityType: 'public',
        allocationId: 'eipalloc-0a110000000000a1',
        privateIp: '10.11.0.10',
        createTime: '2026-01-10T09:00:00Z',
        tags: { Name: 'dev-nat', env: 'dev' },
      },
      {
        natGatewayId: SHARED_REGIONAL,
        vpcId: SHARED,
        availabilityMode: 'regional',
        state: 'available',
        connectivityType: 'public',
        availabilityZoneAddresses: [
          { availabilityZone: 'us-east-1a', allocationIds: ['eipalloc-0a120000000000a1'] },
          { availabilityZone: 'us-east-1b', allocationIds: ['eipalloc-0a120000000000b1'] },
        ],
        autoProvisionZones: 'enabled',
        autoScalingIps: 'enabled',
        routeTableId: 'rtb-0a12000000000000e',
        createTime: '2026-01-10T09:00:00Z',
        tags: { Name: 'shared-regional', env: 'shared' },
      },
    ],
    elasticIps: [
      ['eipalloc-0a100000000000a1', '203.0.113.101', 'prod-regional-a'],
      ['eipalloc-0a100000000000b1', '203.0.113.102', 'prod-regional-b'],
      ['eipalloc-0a100000000000b2', '203.0.113.103', 'prod-regional-b2'],
      ['eipalloc-0a100000000000c1', '203.0.113.104', 'prod-regional-c'],
      ['eipalloc-0a110000000000a1', '203.0.113.111', 'dev-nat'],
      ['eipalloc-0a120000000000a1', '203.0.113.121', 'shared-regional-a'],
      ['eipalloc-0a120000000000b1', '203.0.113.122', 'shared-regional-b'],
    ].map(([allocationId, publicIp, name]) => ({ allocationId, publicIp, tags: { Name: name } })),
    vpcEndpoints: [],
    prefixLists: [
      { prefixListId: 'pl-63a5400a', prefixListName: 'com.amazonaws.us-east-1.s3' },
      { prefixListId: 'pl-02cd2c6b', prefixListName: 'com.amazonaws.us-east-1.dynamodb' },
    ],
    metrics: {
      periodSeconds: 3600,
      start: START.toISOString().replace('.000Z', 'Z'),
      natGateways: {
        [PROD_REGIONAL]: { byAvailabilityZone: prodZones },
        [DEV_NAT]: devSeries,
        [SHARED_REGIONAL]: { byAvailabilityZone: sharedZones },
      },
    },
    trafficByService: {
      [PROD_REGIONAL]: {
        S3: Math.round(prodBytes * 0.2),
        DYNAMODB: 0,
        OTHER: prodBytes - Math.round(prodBytes * 0.2),
      },
    },
  };
  return snapshotSchema.parse(snapshot);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ?? 'test/fixtures/regional-account.json';
  await writeFile(out, `${JSON.stringify(regionalAccount())}\n`);
  process.stdout.write(`wrote ${out}\n`);
}

await main();
