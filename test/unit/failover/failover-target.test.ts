import { describe, expect, it } from 'vitest';
import { chooseFailoverTarget } from '../../../lib/domain/failover/failover-target';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';
import { gateway, nat, table, threeAzVpc } from './failover-builders';

describe('chooseFailoverTarget', () => {
  it('should choose the first healthy gateway of another AZ in AZ order', () => {
    // Prepare
    const inv = threeAzVpc();

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-b');
  });

  it('should prefer a gateway whose alarm is OK over one with no alarm', () => {
    // Prepare
    const inv = threeAzVpc();

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map([['nat-c', 'OK']]));

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-c');
  });

  it('should prefer a gateway the scheduler can never park', () => {
    // Prepare
    const inv = threeAzVpc((i) => (nat(i, 'nat-b').tags['nat-optimizer:schedule'] = 'Mon-Fri@07:00-19:00'));

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-c');
  });

  it('should reject a gateway in the same AZ', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      i.natGateways = [
        gateway('a'),
        gateway('b', { natGatewayId: 'nat-a2', availabilityZone: 'us-east-1a' }),
      ];
    });

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target).toBeUndefined();
    expect(choice.rejected).toEqual([
      { natGatewayId: 'nat-a2', reason: 'it is in the same AZ (us-east-1a)' },
    ]);
  });

  it('should never choose a gateway of another VPC', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      i.natGateways = [gateway('a'), gateway('b', { vpcId: 'vpc-2' })];
    });

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target).toBeUndefined();
  });

  it('should never choose a gateway that is not available', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      nat(i, 'nat-b').state = 'pending';
      nat(i, 'nat-c').state = 'deleting';
    });

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target).toBeUndefined();
    expect(choice.rejected.map((r) => r.reason)).toEqual([
      'it is pending, not available',
      'it is deleting, not available',
    ]);
  });

  it('should never choose a gateway whose own alarm is in ALARM', () => {
    // Prepare
    const inv = threeAzVpc();

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map([['nat-b', 'ALARM']]));

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-c');
  });

  it('should never choose a gateway a route table remembers as parked', () => {
    // Prepare
    const inv = threeAzVpc((i) => (table(i, 'rtb-b').tags[ROUTE_TABLE_TAGS.parkedGateway] = 'nat-b'));

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-c');
  });

  it('should never send a public gateway traffic to a private gateway', () => {
    // Prepare
    const inv = threeAzVpc((i) => {
      nat(i, 'nat-b').connectivityType = 'private';
      nat(i, 'nat-c').connectivityType = 'private';
    });

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target).toBeUndefined();
  });

  it('should take the gateway named by nat-optimizer:failover-target first', () => {
    // Prepare
    const inv = threeAzVpc((i) => (nat(i, 'nat-a').tags['nat-optimizer:failover-target'] = 'nat-c'));

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-c');
  });

  it('should report a preferred target that does not exist and fall back', () => {
    // Prepare
    const inv = threeAzVpc((i) => (nat(i, 'nat-a').tags['nat-optimizer:failover-target'] = 'nat-gone'));

    // Act
    const choice = chooseFailoverTarget(nat(inv, 'nat-a'), inv, new Map());

    // Assess
    expect(choice.target?.natGatewayId).toBe('nat-b');
    expect(choice.rejected).toContainEqual({
      natGatewayId: 'nat-gone',
      reason: 'preferred by nat-optimizer:failover-target, but it does not exist',
    });
  });
});
