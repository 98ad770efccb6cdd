import { describe, expect, it } from 'vitest';
import { planAlarmSync } from '../../../lib/domain/failover/failover-alarm-sync';
import { planForGateway } from '../../../lib/domain/failover/failover-plan';
import { DEFAULT_FAILOVER_SETTINGS } from '../../../lib/domain/failover/failover-settings';
import { chooseFailoverTarget } from '../../../lib/domain/failover/failover-target';
import { regionalGateway } from '../analysis/analysis-builders';
import { context, nat, threeAzVpc } from './failover-builders';

const ON = { 'nat-optimizer:failover': 'on' };

describe('failover and regional NAT gateways', () => {
  it('should never choose a regional gateway as the target, and say why', () => {
    const inv = threeAzVpc((i) => {
      i.natGateways = [
        nat(i, 'nat-a'),
        regionalGateway('nat-r', { 'us-east-1b': ['eipalloc-b'] }, { tags: ON }),
      ];
    });

    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    expect(choice.target).toBeUndefined();
    expect(choice.rejected).toEqual([
      {
        natGatewayId: 'nat-r',
        reason:
          'it is a regional NAT gateway: failover never targets one (it moves tables between zonal gateways)',
      },
    ]);
  });

  it('should never move the tables of a failing regional gateway', () => {
    const inv = threeAzVpc((i) => {
      i.natGateways.push(regionalGateway('nat-r', { 'us-east-1a': ['eipalloc-a'] }, { tags: ON }));
      for (const table of i.routeTables)
        for (const route of table.routes) if (route.natGatewayId) route.natGatewayId = 'nat-r';
    });

    const plan = planForGateway('nat-r', 'ALARM', context(inv));

    expect(plan.kind).toBe('none');
    expect(plan.moves).toEqual([]);
    expect(plan.reason).toContain('regional NAT gateway: multi-AZ by itself');
  });

  it('should never fail over a gateway with an attached appliance, nor move tables onto one', () => {
    const inv = threeAzVpc((i) => {
      for (const g of i.natGateways) g.attachedAppliances = [{ type: 'network-firewall-proxy' }];
    });

    const failing = planForGateway('nat-a', 'ALARM', context(inv));
    const choice = chooseFailoverTarget({ ...nat(inv, 'nat-a'), attachedAppliances: [] }, inv, new Map());

    expect(failing.moves).toEqual([]);
    expect(failing.reason).toContain('has an attached appliance (network-firewall-proxy)');
    expect(choice.target).toBeUndefined();
  });

  it('should plan one alarm per AZ of a regional gateway, none with the egress probe', () => {
    const inv = threeAzVpc((i) => {
      i.natGateways = [
        regionalGateway('nat-r', { 'us-east-1a': ['e-a'], 'us-east-1c': ['e-c'] }, { tags: ON }),
      ];
    });

    const plan = planAlarmSync(inv, [], { ...DEFAULT_FAILOVER_SETTINGS, probeVpcIds: ['vpc-1'] });

    expect(plan.create.map((s) => s.alarmName)).toEqual([
      'nat-optimizer-failover-nat-r-us-east-1a',
      'nat-optimizer-failover-nat-r-us-east-1c',
    ]);
    for (const spec of plan.create) {
      expect(spec.metrics.some((m) => m.id === 'probe')).toBe(false);
      expect(spec.description).toContain('failover never moves its route tables');
    }
  });
});
