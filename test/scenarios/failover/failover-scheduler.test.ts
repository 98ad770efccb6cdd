// Failover and the scheduler read the same route-table tags: neither moves what the other holds, and no route is
// left on a deleted gateway.
import { DeleteNatGatewayCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE_TAGS } from '../../../lib/domain/tag-keys';
import { handleAlarmEvent, recheckFailovers } from '../../../lib/use-cases/failover/failover';
import {
  alarmEvent,
  defaultTarget,
  deliver,
  failoverAccount,
  gatewayOf,
  IDS,
  minutesAfterCapture,
  tableTags,
  withAlarms,
} from './failover-fixture';

describe('failover beside the scheduler', () => {
  it('should never move a table the scheduler holds (consolidated onto the failing gateway), and report it', async () => {
    // Prepare: prod-nat-c is parked in consolidate mode, its table sent through prod-nat-a.
    const account = await failoverAccount({
      edit: (snapshot) => {
        const table = snapshot.routeTables.find((t) => t.routeTableId === IDS.prodPrivateC);
        const route = table?.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0');
        if (table && route) {
          route.natGatewayId = IDS.prodNatA;
          table.tags[ROUTE_TABLE_TAGS.parkedGateway] = IDS.prodNatC;
        }
        gatewayOf(snapshot, IDS.prodNatC).state = 'deleted';
      },
    });
    await withAlarms(account);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(defaultTarget(account, IDS.prodPrivateC)).toBe(IDS.prodNatA);
    expect(tableTags(account, IDS.prodPrivateC)).not.toHaveProperty(ROUTE_TABLE_TAGS.failoverFrom);
    expect(result.actions).toContainEqual(
      expect.objectContaining({
        routeTableId: IDS.prodPrivateC,
        result: 'skipped',
        reason: expect.stringContaining('held by the scheduler'),
      }),
    );
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatB);
  });

  it('should move failed-over tables off a target that was deleted since, keeping where they came from', async () => {
    // Prepare
    const account = await failoverAccount();
    await withAlarms(account);
    await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );
    await account.clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: IDS.prodNatB }));
    account.sim.setClock(minutesAfterCapture(8));

    // Act
    const recheck = await recheckFailovers(account.runtime, account.config);

    // Assess
    expect(recheck.routesMoved).toBe(1);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatC);
    expect(tableTags(account, IDS.prodPrivateA)).toMatchObject({
      [ROUTE_TABLE_TAGS.failoverFrom]: IDS.prodNatA,
      [ROUTE_TABLE_TAGS.failoverTo]: IDS.prodNatC,
    });
  });

  it('should never target a gateway a route table remembers as parked, even while it still shows available', async () => {
    // Prepare: the scheduler has tagged prod-nat-b's table and not yet deleted the gateway.
    const account = await failoverAccount({
      edit: (snapshot) => {
        const table = snapshot.routeTables.find((t) => t.routeTableId === IDS.prodPrivateB);
        if (table) table.tags[ROUTE_TABLE_TAGS.parkedGateway] = IDS.prodNatB;
      },
    });
    await withAlarms(account);

    // Act
    const result = await handleAlarmEvent(
      account.runtime,
      account.config,
      deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', minutesAfterCapture(3))),
    );

    // Assess
    expect(result.target).toBe(IDS.prodNatC);
    expect(result.rejectedTargets).toContainEqual({
      natGatewayId: IDS.prodNatB,
      reason: 'it is parked by the scheduler',
    });
  });
});
