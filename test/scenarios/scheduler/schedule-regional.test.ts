// Off-hours for regional NAT gateways: a manual-mode one parks and unparks like a zonal one (same Elastic IPs in the
// same AZs, every route back), crash-safe at every step; an automatic-mode one, or any gateway with an attached
// appliance, is reported and never touched; consolidate may move a zonal gateway's tables onto a regional one.

import { describe, expect, it } from 'vitest';
import { readRecord } from '../../../lib/domain/scheduler/park-record';
import { MANAGED_TAG, PARK_TAGS, RESTORES_TAG, USER_TAGS } from '../../../lib/domain/tag-keys';
import { MINUTE_MS } from '../../../lib/domain/time-units';
import type { SimAccount } from '../../../lib/sim/sim-account';
import { SimulatedCrashError } from '../../../lib/sim/sim-errors';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import {
  DEV_NAT,
  PROD_REGIONAL,
  PROD_TABLES,
  regionalSnapshot,
  SHARED_REGIONAL,
} from '../../fixtures/regional-account';
import { crashAfter, recordMutations } from './crash-steps';
import { defaultRouteOf, eipIn, gatewayIn, scheduleAccount, tableIn } from './schedule-fixture';

const SCHEDULE = { [USER_TAGS.schedule]: 'Mon-Fri@07:00-19:00', [USER_TAGS.timezone]: 'UTC' };
/** Monday 2026-11-16 after the window; Tuesday morning inside the unpark lead. */
const EVENING = '2026-11-16T19:30:00Z';
const NEXT_MORNING = '2026-11-17T06:55:00Z';
const LATER = (at: string) => new Date(Date.parse(at) + 5 * MINUTE_MS).toISOString();
const PROD_VPC = 'vpc-0a10000000000000a';
const RECORD_EIP = 'eipalloc-0a100000000000a1';
const ZONES = [
  { availabilityZone: 'us-east-1a', allocationIds: ['eipalloc-0a100000000000a1'] },
  {
    availabilityZone: 'us-east-1b',
    allocationIds: ['eipalloc-0a100000000000b1', 'eipalloc-0a100000000000b2'],
  },
  { availabilityZone: 'us-east-1c', allocationIds: ['eipalloc-0a100000000000c1'] },
];
const EIPS = ZONES.flatMap((z) => z.allocationIds);

async function scheduled(edit: (snapshot: Snapshot) => void = () => undefined) {
  const snapshot = await regionalSnapshot();
  const gateway = snapshot.natGateways.find((g) => g.natGatewayId === PROD_REGIONAL);
  if (gateway) Object.assign(gateway.tags, SCHEDULE);
  edit(snapshot);
  return scheduleAccount(snapshot);
}

function liveRegionalIn(sim: SimAccount) {
  return sim.state.natGateways.filter(
    (g) =>
      g.vpcId === PROD_VPC && (g.state === 'pending' || g.state === 'available' || g.state === 'deleting'),
  );
}

function expectParked(sim: SimAccount): void {
  expect(gatewayIn(sim.state, PROD_REGIONAL)?.state).toBe('deleted');
  expect(liveRegionalIn(sim)).toEqual([]);
  const record = readRecord(eipIn(sim.state, RECORD_EIP)?.tags ?? {}, 'test');
  expect(record).toMatchObject({ state: 'parked', regional: { vpcId: PROD_VPC, zones: ZONES } });
  for (const table of PROD_TABLES) {
    expect(tableIn(sim.state, table)?.tags[PARK_TAGS.parkedGateway]).toBe(PROD_REGIONAL);
    expect(defaultRouteOf(sim.state, table)).toMatchObject({
      natGatewayId: PROD_REGIONAL,
      state: 'blackhole',
    });
  }
  for (const eip of EIPS) expect(eipIn(sim.state, eip)).toBeDefined();
}

function expectUnparked(sim: SimAccount): void {
  const live = liveRegionalIn(sim);
  expect(live).toHaveLength(1);
  const [gateway] = live;
  expect(gateway).toMatchObject({
    state: 'available',
    availabilityMode: 'regional',
    autoProvisionZones: 'disabled',
    availabilityZoneAddresses: ZONES,
  });
  expect(gateway?.tags).toEqual({
    Name: 'prod-regional',
    env: 'prod',
    ...SCHEDULE,
    [MANAGED_TAG.key]: MANAGED_TAG.value,
    [RESTORES_TAG]: PROD_REGIONAL,
  });
  for (const table of PROD_TABLES) {
    expect(defaultRouteOf(sim.state, table)).toEqual({
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: gateway?.natGatewayId,
    });
    expect(tableIn(sim.state, table)?.tags[PARK_TAGS.parkedGateway]).toBeUndefined();
  }
  expect(eipIn(sim.state, RECORD_EIP)?.tags).toEqual({ Name: 'prod-regional-a' });
}

describe('schedule: a regional NAT gateway in manual mode', () => {
  it('should park it with its AZ → Elastic IP map and every route table in the record', async () => {
    const account = await scheduled();

    const result = await account.run(EVENING);

    expect(result.actions.find((a) => a.natGatewayId === PROD_REGIONAL)).toMatchObject({
      action: 'park',
      result: 'done',
      routeTableIds: PROD_TABLES,
    });
    expectParked(account.sim);
    expect(eipIn(account.sim.state, RECORD_EIP)?.tags[PARK_TAGS.parkedMode]).toBe('regional');
    expect(result.actions[0]?.reason).toContain('AZ-hours: it is billed in each of its 3 AZs');
  });

  it('should unpark it with the same Elastic IPs in the same AZs and restore every route', async () => {
    const account = await scheduled();
    await account.run(EVENING);

    const result = await account.run(NEXT_MORNING);

    expect(result.actions.find((a) => a.natGatewayId === PROD_REGIONAL)).toMatchObject({
      action: 'unpark',
      result: 'done',
    });
    expect(result.actions[0]?.reason).toContain('recreated as a regional gateway in vpc-0a10000000000000a');
    expectUnparked(account.sim);
  });
});

const PARK_STEPS = ['CreateTags', 'CreateTags', 'DeleteNatGateway', 'CreateTags', 'CreateTags'];
const UNPARK_STEPS = [
  'CreateNatGateway',
  'CreateTags',
  'ReplaceRoute',
  'ReplaceRoute',
  'ReplaceRoute',
  'DeleteTags',
  'DeleteTags',
];

describe('schedule: crash safety of a regional park and unpark', () => {
  it('should take exactly these changing steps when nothing goes wrong', async () => {
    const account = await scheduled();
    const parking = recordMutations(account.sim);
    await account.run(EVENING);
    const park = [...parking];
    parking.length = 0;

    await account.run(NEXT_MORNING);

    expect(park).toEqual(PARK_STEPS);
    expect(parking).toEqual(UNPARK_STEPS);
  });

  it.each(PARK_STEPS.map((step, i) => [i + 1, step]))(
    'should end parked when a crash follows park step %i (%s) and a normal run comes next',
    async (n) => {
      const account = await scheduled();
      const stop = crashAfter(account.sim, Number(n));
      await expect(account.run(EVENING)).rejects.toBeInstanceOf(SimulatedCrashError);
      stop();

      await account.run(LATER(EVENING));

      expectParked(account.sim);
    },
  );

  it.each(UNPARK_STEPS.map((step, i) => [i + 1, step]))(
    'should end with one regional gateway carrying every route when a crash follows unpark step %i (%s)',
    async (n) => {
      const account = await scheduled();
      await account.run(EVENING);
      const stop = crashAfter(account.sim, Number(n));
      await expect(account.run(NEXT_MORNING)).rejects.toBeInstanceOf(SimulatedCrashError);
      stop();

      await account.run(LATER(NEXT_MORNING));

      expectUnparked(account.sim);
    },
  );
});

describe('schedule: gateways it never touches', () => {
  it('should report an automatic-mode regional gateway and leave it exactly as it is', async () => {
    const account = await scheduled((snapshot) => {
      const shared = snapshot.natGateways.find((g) => g.natGatewayId === SHARED_REGIONAL);
      if (shared) Object.assign(shared.tags, SCHEDULE);
    });
    const before = structuredClone(
      account.sim.state.natGateways.find((g) => g.natGatewayId === SHARED_REGIONAL),
    );

    const result = await account.run(EVENING);

    expect(result.actions.find((a) => a.natGatewayId === SHARED_REGIONAL)).toMatchObject({
      action: 'none',
      result: 'skipped',
    });
    expect(result.actions.find((a) => a.natGatewayId === SHARED_REGIONAL)?.reason).toContain(
      'regional NAT gateway in automatic mode',
    );
    expect(account.sim.state.natGateways.find((g) => g.natGatewayId === SHARED_REGIONAL)).toEqual(before);
  });

  it('should report a gateway with an attached appliance and leave it exactly as it is', async () => {
    const account = await scheduled((snapshot) => {
      const dev = snapshot.natGateways.find((g) => g.natGatewayId === DEV_NAT);
      if (!dev) return;
      Object.assign(dev.tags, SCHEDULE);
      dev.attachedAppliances = [
        {
          type: 'network-firewall-proxy',
          applianceArn: 'arn:aws:network-firewall:us-east-1:222233334444:proxy/p1',
        },
      ];
    });
    const before = structuredClone(account.sim.state);

    const result = await account.run(EVENING);
    const dev = result.actions.find((a) => a.natGatewayId === DEV_NAT);

    expect(dev).toMatchObject({ action: 'none', result: 'skipped' });
    expect(dev?.reason).toContain('attached appliance (network-firewall-proxy');
    expect(account.sim.state.natGateways.find((g) => g.natGatewayId === DEV_NAT)).toEqual(
      before.natGateways.find((g) => g.natGatewayId === DEV_NAT),
    );
    expect(eipIn(account.sim.state, 'eipalloc-0a110000000000a1')?.tags).toEqual({ Name: 'dev-nat' });
  });

  it('should refuse consolidate mode on a regional gateway and leave it up', async () => {
    const account = await scheduled((snapshot) => {
      const prod = snapshot.natGateways.find((g) => g.natGatewayId === PROD_REGIONAL);
      if (prod) prod.tags[USER_TAGS.offHours] = 'consolidate';
    });

    const result = await account.run(EVENING);

    expect(result.actions.find((a) => a.natGatewayId === PROD_REGIONAL)?.reason).toContain(
      'consolidate: a regional gateway serves several AZs',
    );
    expect(gatewayIn(account.sim.state, PROD_REGIONAL)?.state).toBe('available');
  });
});

describe('schedule: consolidate onto a regional gateway that stays up', () => {
  it('should move a zonal gateway’s tables onto the regional gateway serving its AZ, with no cross-AZ charge', async () => {
    const zonal = 'nat-0a1000000000000f1';
    const table = 'rtb-0a1000000000000a1';
    const snapshot = await regionalSnapshot();
    snapshot.subnets.push({
      subnetId: 'subnet-0a1000000000000a0',
      vpcId: PROD_VPC,
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.10.0.0/24',
      tags: { Name: 'prod-public-a' },
    });
    snapshot.elasticIps.push({
      allocationId: 'eipalloc-0a10000000000ff1',
      publicIp: '203.0.113.150',
      tags: {},
    });
    snapshot.natGateways.push({
      natGatewayId: zonal,
      vpcId: PROD_VPC,
      subnetId: 'subnet-0a1000000000000a0',
      state: 'available',
      connectivityType: 'public',
      allocationId: 'eipalloc-0a10000000000ff1',
      privateIp: '10.10.0.10',
      createTime: '2026-01-10T09:00:00Z',
      tags: { Name: 'prod-zonal-a', ...SCHEDULE, [USER_TAGS.offHours]: 'consolidate' },
    });
    const route = tableIn(snapshot, table)?.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0');
    if (route) route.natGatewayId = zonal;
    const account = scheduleAccount(snapshot);

    const result = await account.run(EVENING);
    const action = result.actions.find((a) => a.natGatewayId === zonal);

    expect(action).toMatchObject({ action: 'consolidate', result: 'done' });
    expect(action?.reason).toContain(`no cross-AZ transfer: ${PROD_REGIONAL} is a regional gateway`);
    expect(defaultRouteOf(account.sim.state, table)).toMatchObject({ natGatewayId: PROD_REGIONAL });
    expect(gatewayIn(account.sim.state, PROD_REGIONAL)?.state).toBe('available');
  });
});
