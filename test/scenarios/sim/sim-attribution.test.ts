import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../lib/domain/model';
import { HOUR_MS } from '../../../lib/domain/time-units';
import { snapshotAttribution } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../../../lib/sim/simulated-account';
import { exampleSnapshot } from '../../fixtures/analysis-account';

const PROD_NAT_A = 'nat-c96c07fb2aecb9170';
/** The snapshot attribution reads the snapshot, not the inventory. */
const NO_NETWORK: Inventory = {
  region: 'us-east-1',
  vpcs: [],
  subnets: [],
  routeTables: [],
  natGateways: [],
  elasticIps: [],
  vpcEndpoints: [],
  prefixLists: [],
};

describe("the snapshot's traffic by service as flow-log attribution", () => {
  it('should give the whole figures for the snapshot metric window', async () => {
    // Prepare
    const snapshot = await exampleSnapshot();
    const { sim } = createSimulatedAccount(snapshot);
    const start = new Date(snapshot.metrics.start);
    const window = { start, end: new Date(start.getTime() + 336 * HOUR_MS), periodSeconds: 3600 };

    // Act
    const { traffic } = await snapshotAttribution(sim).attribute(NO_NETWORK, window);

    // Assess
    expect(traffic?.[PROD_NAT_A]?.S3).toBeCloseTo(snapshot.trafficByService?.[PROD_NAT_A]?.S3 ?? 0, 0);
  });

  it("should scale each gateway's figures to its share of processed bytes in a shorter window", async () => {
    // Prepare: the last 7 of the 14 days.
    const snapshot = await exampleSnapshot();
    const { sim } = createSimulatedAccount(snapshot);
    const start = new Date(Date.parse(snapshot.metrics.start) + 168 * HOUR_MS);
    const window = { start, end: new Date(start.getTime() + 168 * HOUR_MS), periodSeconds: 3600 };
    const metrics = snapshot.metrics.natGateways[PROD_NAT_A];
    const bytes = (h: number) =>
      (metrics?.BytesInFromSource?.[h] ?? 0) + (metrics?.BytesInFromDestination?.[h] ?? 0);
    const all = Array.from({ length: 336 }, (_, h) => bytes(h));
    const share = all.slice(168).reduce((a, b) => a + b, 0) / all.reduce((a, b) => a + b, 0);

    // Act
    const { traffic } = await snapshotAttribution(sim).attribute(NO_NETWORK, window);

    // Assess
    expect(traffic?.[PROD_NAT_A]?.S3).toBeCloseTo(
      (snapshot.trafficByService?.[PROD_NAT_A]?.S3 ?? 0) * share,
      0,
    );
  });
});
