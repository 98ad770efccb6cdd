// A single-gateway VPC opted into an emergency gateway: one is created in another AZ, takes the routes, and is
// removed after failback; its Elastic IP is kept, tagged, and reused by the next emergency.

import { describe, expect, it } from 'vitest';
import { FAILOVER_TAGS, MANAGED_TAG, USER_TAGS } from '../../../lib/domain/tag-keys';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { handleAlarmEvent, recheckFailovers } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  defaultTarget,
  deliver,
  type FailoverAccount,
  failoverAccount,
  gatewayOf,
  IDS,
  minutesAfterCapture,
  withAlarms,
} from './failover-fixture';

function devOptedIn(extraVpcTags: Record<string, string> = {}) {
  return (snapshot: Snapshot) => {
    gatewayOf(snapshot, IDS.devNat).tags[USER_TAGS.failover] = 'on';
    const vpc = snapshot.vpcs.find((v) => v.vpcId === IDS.devVpc);
    if (vpc) Object.assign(vpc.tags, { [FAILOVER_TAGS.emergencyGateway]: 'on', ...extraVpcTags });
  };
}

async function failDev(account: FailoverAccount, minutes: number) {
  return handleAlarmEvent(
    account.runtime,
    account.config,
    deliver(account, alarmEvent(IDS.devNat, 'ALARM', minutesAfterCapture(minutes))),
  );
}

async function recoverDev(account: FailoverAccount, minutes: number) {
  return handleAlarmEvent(
    account.runtime,
    account.config,
    deliver(account, alarmEvent(IDS.devNat, 'OK', minutesAfterCapture(minutes))),
  );
}

describe('emergency gateway', () => {
  it('should create a gateway in a public subnet of another AZ, wait until available and move the routes to it', async () => {
    // Prepare
    const account = await failoverAccount({ edit: devOptedIn() });
    await withAlarms(account);

    // Act
    const result = await failDev(account, 3);

    // Assess
    const emergency = account.sim.state.natGateways.find((g) => g.natGatewayId === result.target);
    expect(result.outcome).toBe('failover');
    expect(emergency).toMatchObject({
      state: 'available',
      subnetId: IDS.devPublicSubnetB,
      tags: { [MANAGED_TAG.key]: MANAGED_TAG.value, [FAILOVER_TAGS.emergencyFor]: IDS.devNat },
    });
    expect(result.emergency).toMatchObject({ source: 'allocated', result: 'done' });
    expect(defaultTarget(account, IDS.devPrivate)).toBe(emergency?.natGatewayId);
  });

  it('should delete the emergency gateway after failback and keep its Elastic IP tagged for next time', async () => {
    // Prepare
    const account = await failoverAccount({ edit: devOptedIn() });
    await withAlarms(account);
    const failover = await failDev(account, 3);

    // Act
    const failback = await recoverDev(account, 30);

    // Assess
    expect(failback.removedEmergencyGateways).toEqual([failover.target]);
    expect(defaultTarget(account, IDS.devPrivate)).toBe(IDS.devNat);
    expect(account.sim.state.natGateways.find((g) => g.natGatewayId === failover.target)?.state).toBe(
      'deleting',
    );
    expect(
      account.sim.state.elasticIps.find((e) => e.allocationId === failover.emergency?.allocationId)?.tags,
    ).toMatchObject({
      [MANAGED_TAG.key]: MANAGED_TAG.value,
      [FAILOVER_TAGS.emergencyVpc]: IDS.devVpc,
    });
  });

  it('should reuse the kept Elastic IP for the next emergency instead of allocating another', async () => {
    // Prepare
    const account = await failoverAccount({ edit: devOptedIn() });
    await withAlarms(account);
    const first = await failDev(account, 3);
    await recoverDev(account, 30);
    account.sim.setClock(minutesAfterCapture(120));

    // Act
    const second = await failDev(account, 121);

    // Assess
    expect(second.emergency).toMatchObject({ source: 'reused', allocationId: first.emergency?.allocationId });
    expect(account.sim.callCount('EC2.AllocateAddress')).toBe(1);
  });

  it('should use the spare Elastic IP named on the VPC', async () => {
    // Prepare
    const spare = 'eipalloc-0123456789abcdef0';
    const account = await failoverAccount({
      edit: (snapshot) => {
        devOptedIn({ [FAILOVER_TAGS.emergencyEip]: spare })(snapshot);
        snapshot.elasticIps.push({ allocationId: spare, publicIp: '203.0.113.99', tags: {} });
      },
    });
    await withAlarms(account);

    // Act
    const result = await failDev(account, 3);

    // Assess
    expect(result.emergency).toMatchObject({ source: 'configured', allocationId: spare });
    expect(account.sim.callCount('EC2.AllocateAddress')).toBe(0);
  });

  it('should move the routes to the emergency gateway an earlier run created instead of creating another', async () => {
    // Prepare
    const account = await failoverAccount({ edit: devOptedIn() });
    await withAlarms(account);
    account.sim.on('EC2', 'ReplaceRoute', () => {
      throw account.sim.error('EC2', 'InternalError', 'simulated outage', 500);
    });
    const broken = await failDev(account, 3);
    const fresh = await failoverAccount({ edit: (s) => Object.assign(s, account.sim.toSnapshot()) });

    // Act
    const retried = await handleAlarmEvent(
      fresh.runtime,
      fresh.config,
      alarmEvent(IDS.devNat, 'ALARM', minutesAfterCapture(3)),
    );

    // Assess
    expect(broken.actions[0]).toMatchObject({ result: 'failed', error: 'InternalError' });
    expect(retried.target).toBe(broken.target);
    expect(fresh.sim.callCount('EC2.CreateNatGateway')).toBe(0);
    expect(defaultTarget(fresh, IDS.devPrivate)).toBe(broken.target);
  });

  it('should not remove an idle emergency gateway that the same recheck just moved routes onto', async () => {
    // Prepare: an idle emergency gateway E (left from nat-b's outage) is prod-nat-a's preferred target.
    const emergency = 'nat-0e0e0e0e0e0e0e0e0';
    const account = await failoverAccount({
      edit: (snapshot) => {
        snapshot.elasticIps.push({
          allocationId: 'eipalloc-0e0e0e0e0e0e0e0e0',
          publicIp: '203.0.113.99',
          tags: {},
        });
        snapshot.natGateways.push({
          natGatewayId: emergency,
          vpcId: IDS.prodVpc,
          subnetId: 'subnet-a6093f53741e31767',
          state: 'available',
          connectivityType: 'public',
          privateIp: '10.0.2.99',
          createTime: '2026-11-15T00:00:00Z',
          allocationId: 'eipalloc-0e0e0e0e0e0e0e0e0',
          tags: {
            [MANAGED_TAG.key]: MANAGED_TAG.value,
            [FAILOVER_TAGS.emergencyFor]: IDS.prodNatB,
            [FAILOVER_TAGS.emergencyVpc]: IDS.prodVpc,
          },
        });
        gatewayOf(snapshot, IDS.prodNatA).tags[FAILOVER_TAGS.target] = emergency;
      },
    });
    await withAlarms(account, { [IDS.prodNatA]: 'ALARM' });

    // Act
    const recheck = await recheckFailovers(account.runtime, account.config);

    // Assess
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(emergency);
    expect(recheck.removedEmergencyGateways).toEqual([]);
    expect(account.sim.state.natGateways.find((g) => g.natGatewayId === emergency)?.state).toBe('available');
  });
});
