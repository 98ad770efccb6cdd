import { describe, expect, it } from 'vitest';
import type { Inventory, NatGateway } from '../../../lib/domain/model';
import { recordOf, recordTags } from '../../../lib/domain/scheduler/park-record';
import { buildUnits } from '../../../lib/domain/scheduler/park-units';
import type { SchedulePlan } from '../../../lib/domain/scheduler/schedule-plan';
import { planSchedule } from '../../../lib/domain/scheduler/schedule-planner';
import { defaultRouteTo, inventory, natGateway, routeTable } from '../analysis/analysis-builders';

const EVENING = new Date('2026-11-16T20:00:00Z');
const SETTINGS = {
  defaultTimezone: 'UTC',
  unparkLeadMinutes: 10,
  holidays: [],
  guard: { minutes: 15, maxPostpones: 3 },
};
const SCHEDULED = { 'nat-optimizer:schedule': 'Mon-Fri@07:00-19:00' };

function withEips(parts: Partial<Inventory>): Inventory {
  const natGateways = parts.natGateways ?? [];
  return inventory({
    ...parts,
    elasticIps: natGateways.flatMap((g) =>
      g.allocationId ? [{ allocationId: g.allocationId, publicIp: '198.51.100.1', tags: {} }] : [],
    ),
  });
}

function plan(inv: Inventory, alarming: string[] = [], now = EVENING): SchedulePlan[] {
  return planSchedule({
    inventory: inv,
    units: buildUnits(inv),
    now,
    settings: SETTINGS,
    recentBytes: new Map(),
    alarming: new Set(alarming),
  });
}

function gatewayInAz(id: string, az: 'a' | 'b' | 'c', overrides: Partial<NatGateway> = {}): NatGateway {
  return natGateway(id, {
    subnetId: `subnet-public-${az}`,
    availabilityZone: `us-east-1${az}`,
    ...overrides,
  });
}

describe('planSchedule', () => {
  it('should plan nothing at all for gateways without nat-optimizer:schedule', () => {
    // Prepare
    const inv = withEips({
      natGateways: [
        gatewayInAz('nat-0a', 'a', { tags: { Name: 'scheduled', ...SCHEDULED } }),
        gatewayInAz('nat-0b', 'b'),
      ],
      routeTables: [
        routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-0a')]),
        routeTable('rtb-b', ['subnet-private-b'], [defaultRouteTo('nat-0b')]),
      ],
    });

    // Act
    const plans = plan(inv);

    // Assess
    expect(plans.map((p) => p.natGatewayId)).toEqual(['nat-0a']);
    expect(JSON.stringify(plans)).not.toContain('nat-0b');
    expect(JSON.stringify(plans)).not.toContain('rtb-b');
  });

  it('should never touch a regional NAT gateway whose mode is automatic or unknown, even with a schedule', () => {
    // Prepare
    const inv = withEips({
      natGateways: [
        natGateway('nat-0a', { subnetId: '', availabilityMode: 'regional', tags: SCHEDULED }),
        natGateway('nat-0b', {
          subnetId: '',
          availabilityMode: 'regional',
          autoProvisionZones: 'enabled',
          tags: SCHEDULED,
        }),
      ],
    });

    // Act
    const plans = plan(inv);

    // Assess
    for (const only of plans) {
      expect(only).toMatchObject({ action: 'none', steps: [] });
      expect(only.reason).toContain('regional NAT gateway in automatic mode');
    }
    expect(plans).toHaveLength(2);
  });

  it('should never touch a gateway with an attached appliance, even with a schedule', () => {
    // Prepare
    const inv = withEips({
      natGateways: [
        gatewayInAz('nat-0a', 'a', {
          tags: SCHEDULED,
          attachedAppliances: [{ type: 'network-firewall-proxy' }],
        }),
      ],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-0a')])],
    });

    // Act
    const [only] = plan(inv);

    // Assess
    expect(only).toMatchObject({ action: 'none', steps: [] });
    expect(only?.reason).toContain('it has an attached appliance (network-firewall-proxy)');
  });

  it('should record before deleting, and delete before marking the gateway parked', () => {
    // Prepare
    const inv = withEips({
      natGateways: [gatewayInAz('nat-0a', 'a', { tags: SCHEDULED })],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-0a')])],
    });

    // Act
    const [park] = plan(inv);

    // Assess
    expect(park?.steps.map((s) => s.kind)).toEqual([
      'tag',
      'tag',
      'delete-gateway',
      'tag',
      'wait-deleted',
      'tag',
    ]);
    expect(park?.steps[0]).toMatchObject({
      resourceIds: ['eipalloc-nat-0a'],
      tags: { 'nat-optimizer:parked-gateway': 'nat-0a' },
    });
  });

  it('should consolidate onto the gateway of another AZ that stays up, skipping one in ALARM and one going off', () => {
    // Prepare
    const inv = withEips({
      natGateways: [
        gatewayInAz('nat-0a', 'a', { tags: { ...SCHEDULED, 'nat-optimizer:off-hours': 'consolidate' } }),
        gatewayInAz('nat-0b', 'b'),
        gatewayInAz('nat-0c', 'c', { tags: SCHEDULED }),
        gatewayInAz('nat-0d', 'a'),
        gatewayInAz('nat-0e', 'c'),
      ],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-0a')])],
    });

    // Act
    const consolidate = plan(inv, ['nat-0b']).find((p) => p.natGatewayId === 'nat-0a');

    // Assess
    expect(consolidate?.action).toBe('consolidate');
    expect(consolidate?.steps.filter((s) => s.kind === 'point-route')).toEqual([
      {
        kind: 'point-route',
        routeTableId: 'rtb-a',
        destination: '0.0.0.0/0',
        to: { natGatewayId: 'nat-0e' },
      },
    ]);
  });

  it('should point routes at a recreated gateway only after waiting for it to be available', () => {
    // Prepare
    const gone = gatewayInAz('nat-0a', 'a', { state: 'deleted', tags: SCHEDULED });
    const { record } = recordOf(
      { ...gone, subnetId: 'subnet-0123456789abcdef0' },
      new Date('2026-11-16T18:00:00Z'),
    );
    const inv = inventory({
      natGateways: [gone],
      elasticIps: [
        {
          allocationId: 'eipalloc-nat-0a',
          publicIp: '198.51.100.1',
          tags: recordTags({ ...record, state: 'parked' }),
        },
      ],
      routeTables: [
        {
          ...routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-0a')]),
          tags: { 'nat-optimizer:parked-gateway': 'nat-0a' },
        },
      ],
    });

    // Act
    const [unpark] = plan(inv, [], new Date('2026-11-17T07:00:00Z'));

    // Assess
    const kinds = unpark?.steps.map((s) => s.kind) ?? [];
    expect(kinds).toEqual(['create-gateway', 'tag', 'wait-available', 'point-route', 'untag', 'untag']);
  });

  it('should refuse to park a gateway whose 49 tags leave no room for the replacement marks', () => {
    // Prepare
    const tags = {
      ...SCHEDULED,
      ...Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, 'v'])),
    };
    const inv = withEips({
      natGateways: [gatewayInAz('nat-0a', 'a', { tags })],
      routeTables: [routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-0a')])],
    });

    // Act
    const [park] = plan(inv);

    // Assess
    expect(park).toMatchObject({ action: 'park', steps: [], resultWhenDone: 'skipped' });
    expect(park?.reason).toContain('its 49 tags leave no room for the 2 the replacement needs');
  });
});
