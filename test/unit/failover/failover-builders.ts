// A three-AZ VPC for failover decisions: nat-a/b/c in us-east-1a/b/c, each with its private table.
import type { AlarmStateValue } from '../../../lib/domain/failover/failover-event';
import type { PlanContext } from '../../../lib/domain/failover/failover-plan';
import { DEFAULT_FAILOVER_SETTINGS } from '../../../lib/domain/failover/failover-settings';
import type { Inventory, NatGateway } from '../../../lib/domain/model';
import { defaultRouteTo, inventory, natGateway, routeTable } from '../analysis/analysis-builders';

export const NOW = new Date('2026-11-16T00:05:00Z');

export function gateway(az: 'a' | 'b' | 'c', overrides: Partial<NatGateway> = {}): NatGateway {
  return natGateway(`nat-${az}`, {
    subnetId: `subnet-public-${az}`,
    availabilityZone: `us-east-1${az}`,
    tags: { Name: `nat-${az}`, 'nat-optimizer:failover': 'on' },
    ...overrides,
  });
}

export function threeAzVpc(edit: (inv: Inventory) => void = () => undefined): Inventory {
  const inv = inventory({
    natGateways: [gateway('a'), gateway('b'), gateway('c')],
    routeTables: [
      routeTable(
        'rtb-public',
        ['subnet-public-a', 'subnet-public-b', 'subnet-public-c'],
        [
          {
            destination: '0.0.0.0/0',
            destinationCidrBlock: '0.0.0.0/0',
            gatewayId: 'igw-1',
            state: 'active',
          },
        ],
      ),
      routeTable('rtb-a', ['subnet-private-a'], [defaultRouteTo('nat-a')]),
      routeTable('rtb-b', ['subnet-private-b'], [defaultRouteTo('nat-b')]),
      routeTable('rtb-c', ['subnet-private-c'], [defaultRouteTo('nat-c')]),
    ],
  });
  edit(inv);
  return inv;
}

export function table(inv: Inventory, id: string): Inventory['routeTables'][number] {
  const found = inv.routeTables.find((t) => t.routeTableId === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

export function nat(inv: Inventory, id: string): NatGateway {
  const found = inv.natGateways.find((g) => g.natGatewayId === id);
  if (!found) throw new Error(`no gateway ${id}`);
  return found;
}

export function context(
  inv: Inventory,
  alarms: Record<string, AlarmStateValue> = {},
  now = NOW,
): PlanContext {
  return {
    inventory: inv,
    alarms: new Map(Object.entries(alarms)),
    now,
    alarmAt: new Date('2026-11-16T00:03:00Z'),
    settings: DEFAULT_FAILOVER_SETTINGS,
  };
}
