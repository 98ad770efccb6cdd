import { describe, expect, it } from 'vitest';
import { planForGateway } from '../../../lib/domain/failover/failover-plan';
import { planRecheck } from '../../../lib/domain/failover/failover-recheck';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';
import { defaultRouteTo } from '../analysis/analysis-builders';
import { context, gateway, nat, table, threeAzVpc } from './failover-builders';

const FAILED_OVER = {
  [ROUTE_TABLE_TAGS.failoverFrom]: 'nat-a',
  [ROUTE_TABLE_TAGS.failoverTo]: 'nat-b',
  [ROUTE_TABLE_TAGS.failoverAt]: '2026-11-16T00:03:00Z',
};

function failedOver() {
  return threeAzVpc((i) => {
    table(i, 'rtb-a').routes = [defaultRouteTo('nat-b')];
    Object.assign(table(i, 'rtb-a').tags, FAILED_OVER);
  });
}

describe('planForGateway on ALARM', () => {
  it('should move the tables of the failing gateway, remembering it as their origin', () => {
    // Act
    const plan = planForGateway('nat-a', 'ALARM', context(threeAzVpc()));

    // Assess
    expect(plan.kind).toBe('failover');
    expect(plan.moves).toEqual([{ routeTableId: 'rtb-a', from: 'nat-a', to: 'nat-b', origin: 'nat-a' }]);
  });

  it('should keep the first origin when a failed-over table moves again', () => {
    // Prepare: rtb-a was failed over from nat-a to nat-b, and now nat-b fails.
    const inv = failedOver();

    // Act
    const plan = planForGateway('nat-b', 'ALARM', context(inv, { 'nat-a': 'ALARM' }));

    // Assess
    expect(plan.moves).toContainEqual({ routeTableId: 'rtb-a', from: 'nat-b', to: 'nat-c', origin: 'nat-a' });
  });

  it('should never move the egress probe table', () => {
    // Prepare
    const inv = threeAzVpc((i) => (table(i, 'rtb-a').tags['nat-optimizer:egress-probe'] = 'on'));

    // Act
    const plan = planForGateway('nat-a', 'ALARM', context(inv));

    // Assess
    expect(plan.moves).toEqual([]);
    expect(plan.skipped).toEqual([
      { routeTableId: 'rtb-a', from: 'nat-a', reason: 'egress-probe table: never moved' },
    ]);
  });

  it('should do nothing for a gateway whose failover tag is malformed, and say so', () => {
    // Prepare
    const inv = threeAzVpc((i) => (nat(i, 'nat-a').tags['nat-optimizer:failover'] = 'enabled'));

    // Act
    const plan = planForGateway('nat-a', 'ALARM', context(inv));

    // Assess
    expect(plan.kind).toBe('none');
    expect(plan.reason).toContain('"enabled" is neither "on" nor "off"');
  });

  it('should plan an emergency gateway in a public subnet of another AZ when the VPC opted in', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      i.natGateways = [gateway('a')];
      const vpc = i.vpcs[0];
      if (vpc) vpc.tags['nat-optimizer:emergency-gateway'] = 'on';
    });

    // Act
    const plan = planForGateway('nat-a', 'ALARM', context(inv));

    // Assess
    expect(plan.target).toMatchObject({
      kind: 'emergency',
      plan: {
        subnetId: 'subnet-public-b',
        eip: { kind: 'allocate' },
        clientToken: 'nat-optimizer-emergency-nat-a-1794787380',
      },
    });
    expect(plan.moves).toEqual([{ routeTableId: 'rtb-a', from: 'nat-a', origin: 'nat-a' }]);
  });

  it('should wait for the pending emergency gateway an earlier run created rather than plan another', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      i.natGateways = [
        gateway('a'),
        gateway('b', {
          natGatewayId: 'nat-emergency',
          state: 'pending',
          tags: { 'nat-optimizer:managed': 'true', 'nat-optimizer:emergency-for': 'nat-a' },
        }),
      ];
      const vpc = i.vpcs[0];
      if (vpc) vpc.tags['nat-optimizer:emergency-gateway'] = 'on';
    });

    // Act
    const plan = planForGateway('nat-a', 'ALARM', context(inv));

    // Assess
    expect(plan.target).toMatchObject({ kind: 'emergency', plan: { existingGatewayId: 'nat-emergency' } });
    expect(plan.moves[0]?.to).toBe('nat-emergency');
  });
});

describe('planForGateway on OK', () => {
  it('should move the failed-over tables back once the hold has passed', () => {
    // Act
    const plan = planForGateway('nat-a', 'OK', context(failedOver(), {}, new Date('2026-11-16T00:13:00Z')));

    // Assess
    expect(plan.kind).toBe('failback');
    expect(plan.moves).toEqual([{ routeTableId: 'rtb-a', from: 'nat-b', to: 'nat-a', origin: 'nat-a' }]);
  });

  it('should hold the tables back until the minimum hold has passed', () => {
    // Act
    const plan = planForGateway('nat-a', 'OK', context(failedOver(), {}, new Date('2026-11-16T00:12:59Z')));

    // Assess
    expect(plan.kind).toBe('none');
    expect(plan.skipped[0]?.reason).toBe(
      'minimum hold of 10 min: moves back after 2026-11-16T00:13:00.000Z (5-minute recheck)',
    );
  });

  it('should leave the tables failed over while the original gateway is not available', () => {
    // Prepare
    const inv = failedOver();
    nat(inv, 'nat-a').state = 'deleting';

    // Act
    const plan = planForGateway('nat-a', 'OK', context(inv, {}, new Date('2026-11-16T01:00:00Z')));

    // Assess
    expect(plan.moves).toEqual([]);
    expect(plan.reason).toBe('nat-a is deleting, not available: 1 route table(s) stay failed over');
  });

  it('should leave alone a table whose route someone changed since the failover', () => {
    // Prepare
    const inv = failedOver();
    table(inv, 'rtb-a').routes = [defaultRouteTo('nat-c')];

    // Act
    const plan = planForGateway('nat-a', 'OK', context(inv, {}, new Date('2026-11-16T01:00:00Z')));

    // Assess
    expect(plan.moves).toEqual([]);
    expect(plan.skipped[0]?.reason).toContain('changed outside the optimizer (now nat-c, expected nat-b)');
  });

  it('should move nothing on INSUFFICIENT_DATA', () => {
    // Act
    const plan = planForGateway(
      'nat-a',
      'INSUFFICIENT_DATA',
      context(failedOver(), {}, new Date('2026-11-16T01:00:00Z')),
    );

    // Assess
    expect(plan.kind).toBe('none');
    expect(plan.moves).toEqual([]);
  });
});

describe('planRecheck', () => {
  it('should plan the failback of every gateway with failed-over tables whose alarm is OK', () => {
    // Act
    const recheck = planRecheck(context(failedOver(), { 'nat-a': 'OK' }, new Date('2026-11-16T00:20:00Z')));

    // Assess
    expect(recheck.plans.map((p) => [p.natGatewayId, p.kind])).toEqual([['nat-a', 'failback']]);
  });

  it('should plan the failover of a gateway in ALARM whose event was lost', () => {
    // Act
    const recheck = planRecheck(context(threeAzVpc(), { 'nat-c': 'ALARM' }));

    // Assess
    expect(recheck.plans.map((p) => [p.natGatewayId, p.kind])).toEqual([['nat-c', 'failover']]);
  });

  it('should find an emergency gateway nothing routes to any more once its gateway is not failing', () => {
    // Prepare
    const inv = threeAzVpc((i) =>
      i.natGateways.push(
        gateway('b', {
          natGatewayId: 'nat-emergency',
          tags: { 'nat-optimizer:managed': 'true', 'nat-optimizer:emergency-for': 'nat-a' },
        }),
      ),
    );

    // Act
    const recheck = planRecheck(context(inv, { 'nat-a': 'OK' }));

    // Assess
    expect(recheck.idleEmergencyGateways.map((g) => g.natGatewayId)).toEqual(['nat-emergency']);
  });
});
