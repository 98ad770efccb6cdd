// One health alarm per gateway tagged for failover: created, updated, deleted as tags and gateways change.

import { describe, expect, it } from 'vitest';
import { alarmNameFor } from '../../../lib/domain/failover/failover-opt-in';
import { FAILOVER_TAGS, MANAGED_TAG, USER_TAGS } from '../../../lib/domain/tag-keys';
import { syncFailoverAlarms } from '../../../lib/use-cases/failover/alarm-sync';
import { failoverAccount, gatewayOf, IDS } from './failover-fixture';

const PROD = [IDS.prodNatA, IDS.prodNatB, IDS.prodNatC].map(alarmNameFor).sort();

describe('failover alarm sync', () => {
  it('should create one tagged metric-math alarm per gateway tagged nat-optimizer:failover=on', async () => {
    // Prepare
    const account = await failoverAccount();

    // Act
    const summary = await syncFailoverAlarms(account.runtime, account.config);

    // Assess
    expect(summary.created.sort()).toEqual(PROD);
    const alarm = account.sim.state.alarms?.find((a) => a.alarmName === alarmNameFor(IDS.prodNatA));
    expect(alarm).toMatchObject({
      natGatewayId: IDS.prodNatA,
      state: 'INSUFFICIENT_DATA',
      tags: { [MANAGED_TAG.key]: MANAGED_TAG.value, [FAILOVER_TAGS.alarmGateway]: IDS.prodNatA },
      definition: { TreatMissingData: 'notBreaching', EvaluationPeriods: 3, DatapointsToAlarm: 2 },
    });
  });

  it('should change nothing on a second run', async () => {
    // Prepare
    const account = await failoverAccount();
    await syncFailoverAlarms(account.runtime, account.config);
    account.sim.resetCallCounts();

    // Act
    const summary = await syncFailoverAlarms(account.runtime, account.config);

    // Assess
    expect(summary.unchanged.sort()).toEqual(PROD);
    expect(account.sim.callCount('CloudWatch.PutMetricAlarm')).toBe(0);
  });

  it('should add the egress probe to the alarms of a VPC tagged for it', async () => {
    // Prepare
    const account = await failoverAccount();
    await syncFailoverAlarms(account.runtime, account.config);
    const vpc = account.sim.state.vpcs.find((v) => v.vpcId === IDS.prodVpc);
    if (vpc) vpc.tags[FAILOVER_TAGS.egressProbe] = 'on';

    // Act
    const summary = await syncFailoverAlarms(account.runtime, account.config);

    // Assess
    expect(summary.updated.sort()).toEqual(PROD);
    const alarm = account.sim.state.alarms?.find((a) => a.alarmName === alarmNameFor(IDS.prodNatA));
    expect(JSON.stringify(alarm?.definition)).toContain('EgressProbeSuccess');
  });

  it('should delete the alarm of a gateway whose failover tag was removed', async () => {
    // Prepare
    const account = await failoverAccount();
    await syncFailoverAlarms(account.runtime, account.config);
    delete gatewayOf(account.sim.state, IDS.prodNatC).tags[USER_TAGS.failover];

    // Act
    const summary = await syncFailoverAlarms(account.runtime, account.config);

    // Assess
    expect(summary.deleted).toEqual([
      {
        alarmName: alarmNameFor(IDS.prodNatC),
        reason: 'its NAT gateway is no longer tagged nat-optimizer:failover=on',
      },
    ]);
    expect(account.sim.state.alarms?.map((a) => a.alarmName).sort()).toEqual(
      [IDS.prodNatA, IDS.prodNatB].map(alarmNameFor).sort(),
    );
  });

  it('should leave alone an alarm under the prefix that is not tagged as the optimizer own', async () => {
    // Prepare
    const account = await failoverAccount({
      edit: (s) => {
        s.alarms = [
          { alarmName: 'nat-optimizer-failover-legacy', natGatewayId: IDS.stagingNat, state: 'OK' },
        ];
      },
    });

    // Act
    const summary = await syncFailoverAlarms(account.runtime, account.config);

    // Assess
    expect(summary.skipped).toContainEqual(
      expect.objectContaining({ alarmName: 'nat-optimizer-failover-legacy' }),
    );
    expect(account.sim.state.alarms?.some((a) => a.alarmName === 'nat-optimizer-failover-legacy')).toBe(true);
  });

  it('should keep the alarm of a gateway whose failover tag is malformed, and say so', async () => {
    // Prepare
    const account = await failoverAccount();
    await syncFailoverAlarms(account.runtime, account.config);
    gatewayOf(account.sim.state, IDS.prodNatB).tags[USER_TAGS.failover] = 'yes please';

    // Act
    const summary = await syncFailoverAlarms(account.runtime, account.config);

    // Assess
    expect(summary.deleted).toEqual([]);
    expect(summary.skipped).toContainEqual({
      natGatewayId: IDS.prodNatB,
      reason: 'tag nat-optimizer:failover="yes please" is neither "on" nor "off": its alarm is left as it is',
    });
  });

  it('should only plan when changes are not applied', async () => {
    // Prepare
    const account = await failoverAccount();

    // Act
    const summary = await syncFailoverAlarms({ ...account.runtime, apply: false }, account.config);

    // Assess
    expect(summary.planned).toBe(true);
    expect(summary.created.sort()).toEqual(PROD);
    expect(account.sim.state.alarms ?? []).toEqual([]);
  });
});
