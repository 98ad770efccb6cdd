// Attribution from flow logs on the simulated account: the real adapters run the Logs Insights query, which the
// simulated account answers over flow-log lines derived from the snapshot's trafficByService.

import { describe, expect, it } from 'vitest';
import { analysisWindow } from '../../../lib/domain/metric-series';
import { roundMoney } from '../../../lib/domain/pricing/cost-model';
import { addFlowRecords, addMalformedRows, failNextQuery } from '../../../lib/sim/flow-log-state';
import type { Snapshot } from '../../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { flowLogAttribution } from '../../../lib/use-cases/endpoints/flow-log-attribution';
import { EX, endpointsAccount, exampleSnapshot, LOG_GROUP, withFlowLogs } from './endpoints-fixture';

const LOGGED = [EX.prodNatA, EX.prodNatB, EX.stagingNat];
const GIB = 2 ** 30;

async function loggedAccount(snapshot?: Snapshot, natGatewayIds: readonly string[] = LOGGED) {
  const account = endpointsAccount(withFlowLogs(snapshot ?? (await exampleSnapshot()), natGatewayIds));
  const attribution = flowLogAttribution(account.runtime, {
    logGroupName: LOG_GROUP,
    queryTimeoutSeconds: 60,
  });
  return { ...account, attribution };
}

async function attribute(account: Awaited<ReturnType<typeof loggedAccount>>) {
  const { loadInventory } = await import('../../../lib/aws/inventory');
  const inventory = await loadInventory(account.clients.ec2, account.runtime.region);
  return account.attribution.attribute(inventory, analysisWindow(account.runtime.now(), 14));
}

describe('flow-log attribution on the simulated account', () => {
  it("should measure prod-nat-a's S3 bytes exactly through the Logs Insights query", async () => {
    // Prepare
    const account = await loggedAccount();

    // Act
    const { traffic, warning } = await attribute(account);

    // Assess
    expect(traffic?.[EX.prodNatA]).toEqual({ S3: EX.prodNatAS3Bytes, DYNAMODB: 0, OTHER: 4_627_204_338_216 });
    expect(warning).toBeUndefined();
    expect(account.sim.callCount('CloudWatchLogs.GetQueryResults')).toBe(2);
  });

  it('should price the S3 finding of prod-nat-a at its attributed bytes, to the cent', async () => {
    // Prepare
    const account = await loggedAccount();

    // Act
    const result = await runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    const gateway = result.natGateways.find((g) => g.natGatewayId === EX.prodNatA);
    const finding = gateway?.findings.find((f) => f.code === 'GATEWAY_ENDPOINT_S3');
    const expected = (((EX.prodNatAS3Bytes / EX.windowHours) * 730) / GIB) * 0.045;
    expect(roundMoney(finding?.estimatedMonthlySavings ?? 0).toFixed(2)).toBe(expected.toFixed(2));
  });

  it('should give the staging gateway, whose tables have an S3 endpoint, no S3 finding', async () => {
    // Prepare
    const account = await loggedAccount();

    // Act
    const result = await runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    const staging = result.natGateways.find((g) => g.natGatewayId === EX.stagingNat);
    expect(staging?.findings.map((f) => f.code)).not.toContain('GATEWAY_ENDPOINT_S3');
  });

  it('should not count S3 traffic to another region as saveable', async () => {
    // Prepare: 100 GiB to an S3 address of eu-west-1, which a us-east-1 endpoint does not carry.
    const account = await loggedAccount();
    addFlowRecords(account.sim, EX.prodNatA, [
      {
        direction: 'ingress',
        srcAddr: '52.218.10.10',
        dstAddr: '10.0.0.10',
        srcService: 'S3',
        bytes: 100 * GIB,
      },
    ]);

    // Act
    const { traffic } = await attribute(account);

    // Assess
    expect(traffic?.[EX.prodNatA]?.S3).toBe(EX.prodNatAS3Bytes);
  });

  it('should leave a gateway without a flow log unattributed, its saving unknown', async () => {
    // Prepare
    const account = await loggedAccount(undefined, [EX.prodNatA]);

    // Act
    const result = await runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    const natB = result.natGateways.find((g) => g.natGatewayId === EX.prodNatB);
    const finding = natB?.findings.find((f) => f.code === 'GATEWAY_ENDPOINT_S3');
    expect(finding?.estimatedMonthlySavings).toBeNull();
    expect(finding?.message).toContain('The saving is unknown');
  });

  it('should run the analysis without attribution when the query fails, and say so', async () => {
    // Prepare
    const account = await loggedAccount();
    failNextQuery(account.sim, { status: 'Failed' });

    // Act
    const result = await runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^flow-log attribution failed \((?!InsightsQueryError).* ended Failed\)/),
    );
    const natA = result.natGateways.find((g) => g.natGatewayId === EX.prodNatA);
    expect(natA?.findings.find((f) => f.code === 'GATEWAY_ENDPOINT_S3')?.estimatedMonthlySavings).toBeNull();
  });

  it('should report a query refused by Logs Insights', async () => {
    // Prepare
    const account = await loggedAccount();
    failNextQuery(account.sim, { error: 'MalformedQueryException' });

    // Act
    const { traffic, warning } = await attribute(account);

    // Assess
    expect(traffic).toBeUndefined();
    expect(warning).toContain('flow-log attribution failed (MalformedQueryException');
  });

  it('should retry a query Logs Insights refuses for too many concurrent queries', async () => {
    // Prepare
    const account = await loggedAccount();
    failNextQuery(account.sim, { error: 'LimitExceededException' });

    // Act
    const { traffic } = await attribute(account);

    // Assess
    expect(traffic?.[EX.prodNatA]?.S3).toBe(EX.prodNatAS3Bytes);
    expect(account.sim.callCount('CloudWatchLogs.StartQuery')).toBe(2);
  });

  it('should stop a query that does not finish in time', async () => {
    // Prepare
    const account = await loggedAccount();
    const attribution = flowLogAttribution(
      { ...account.runtime, waits: { minDelaySeconds: 0.001, maxDelaySeconds: 0.002, maxWaitSeconds: 0.01 } },
      { logGroupName: LOG_GROUP, queryTimeoutSeconds: 60 },
    );
    failNextQuery(account.sim, { status: 'Running' });

    // Act
    const { warning } = await attribute({ ...account, attribution });

    // Assess
    expect(warning).toMatch(/still Running after .* s: stopped/);
    expect(account.sim.callCount('CloudWatchLogs.StopQuery')).toBe(1);
  });

  it('should report malformed result rows and keep the rest of the attribution', async () => {
    // Prepare
    const account = await loggedAccount();
    addMalformedRows(account.sim, [
      [
        { field: 'interfaceId', value: 'eni-x' },
        { field: 'totalBytes', value: 'NaN bytes' },
      ],
    ]);

    // Act
    const { traffic, warning } = await attribute(account);

    // Assess
    expect(traffic?.[EX.prodNatA]?.S3).toBe(EX.prodNatAS3Bytes);
    expect(warning).toMatch(
      /flow-log query: 1 malformed result row\(s\) ignored \(row \d+: bytes "NaN bytes" is not a count\)/,
    );
  });

  it('should report records the flow log skipped', async () => {
    // Prepare
    const account = await loggedAccount();
    addFlowRecords(account.sim, EX.prodNatB, [
      { direction: 'ingress', srcAddr: '-', dstAddr: '-', bytes: 0, logStatus: 'SKIPDATA' },
    ]);

    // Act
    const { warning } = await attribute(account);

    // Assess
    expect(warning).toContain('flow logs marked 1 record(s) SKIPDATA');
  });

  it('should not attribute from a flow log created less than a day ago', async () => {
    // Prepare
    const snapshot = withFlowLogs(await exampleSnapshot(), [EX.prodNatA], {
      since: '2026-11-15T18:00:00.000Z',
    });
    const account = endpointsAccount(snapshot);
    const attribution = flowLogAttribution(account.runtime, {
      logGroupName: LOG_GROUP,
      queryTimeoutSeconds: 60,
    });

    // Act
    const { traffic, warning } = await attribute({ ...account, attribution });

    // Assess
    expect(traffic).toEqual({});
    expect(warning).toContain(
      `flow log on ${EX.prodNatA} started 2026-11-15T18:00:00.000Z: less than 24 h of records`,
    );
  });

  it('should extrapolate a flow log that covers only part of the window', async () => {
    // Prepare
    const snapshot = withFlowLogs(await exampleSnapshot(), [EX.prodNatA], {
      since: '2026-11-09T00:00:00.000Z',
    });
    const account = endpointsAccount(snapshot);
    const attribution = flowLogAttribution(account.runtime, {
      logGroupName: LOG_GROUP,
      queryTimeoutSeconds: 60,
    });

    // Act
    const { traffic, warning } = await attribute({ ...account, attribution });

    // Assess
    expect(traffic?.[EX.prodNatA]?.S3).toBeCloseTo(EX.prodNatAS3Bytes, -1);
    expect(warning).toContain('covers 168 of 336 h');
  });

  it('should not read a flow log written in another record format', async () => {
    // Prepare
    const snapshot = withFlowLogs(await exampleSnapshot(), [EX.prodNatA], {
      logFormat: `\${version} \${interface-id} \${srcaddr} \${dstaddr} \${bytes}`,
    });
    const account = endpointsAccount(snapshot);
    const attribution = flowLogAttribution(account.runtime, {
      logGroupName: LOG_GROUP,
      queryTimeoutSeconds: 60,
    });

    // Act
    const { traffic, warning } = await attribute({ ...account, attribution });

    // Assess
    expect(traffic).toBeUndefined();
    expect(warning).toContain('has another record format: not read');
  });
});
