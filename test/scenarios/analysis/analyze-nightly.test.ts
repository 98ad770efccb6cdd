// The nightly run on the simulated example account: figures tagged onto the gateways, one report on SNS.
import { describe, expect, it } from 'vitest';
import { ANALYSIS_TAGS } from '../../../lib/domain/tag-keys';
import { publishedMessages } from '../../../lib/sim/sns';
import { runNightlyAnalysis } from '../../../lib/use-cases/analysis/analyze';
import {
  analysisAccount,
  exampleSnapshot,
  gatewayIdByName,
  TOPIC_ARN,
} from '../../fixtures/analysis-account';

const WITH_TOPIC = { NAT_OPTIMIZER_TOPIC_ARN: TOPIC_ARN };
const SNS_SUBJECT_LIMIT = 100;
/** With the 2 tags legacy-nat-a has, 50: the AWS limit per resource. */
const CROWDED_TAGS = 48;

async function nightly(env: Record<string, string> = WITH_TOPIC) {
  const snapshot = await exampleSnapshot();
  const account = analysisAccount(snapshot, env);
  return { snapshot, account };
}

describe('runNightlyAnalysis', () => {
  it('should write the analysis time, monthly cost and finding codes onto every available gateway', async () => {
    // Prepare
    const { account } = await nightly();

    // Act
    const outcome = await runNightlyAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    expect(outcome.taggedGateways).toBe(7);
    for (const analysed of outcome.result.natGateways) {
      const tags = account.sim.state.natGateways.find((g) => g.natGatewayId === analysed.natGatewayId)?.tags;
      expect(tags).toMatchObject({
        [ANALYSIS_TAGS.analyzedAt]: '2026-11-16T00:00:00Z',
        [ANALYSIS_TAGS.monthlyCost]: analysed.projectedMonthlyCost.toFixed(2),
        [ANALYSIS_TAGS.findings]: [...new Set(analysed.findings.map((f) => f.code))].join(' ') || 'none',
      });
    }
  });

  it('should tag the idle gateway with IDLE and its whole monthly cost as the saving', async () => {
    // Prepare
    const { snapshot, account } = await nightly();
    const legacy = gatewayIdByName(snapshot, 'legacy-nat-a');

    // Act
    await runNightlyAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    const tags = account.sim.state.natGateways.find((g) => g.natGatewayId === legacy)?.tags;
    expect(tags).toMatchObject({
      [ANALYSIS_TAGS.findings]: 'IDLE',
      [ANALYSIS_TAGS.monthlyCost]: '32.85',
      [ANALYSIS_TAGS.monthlySavings]: '32.85',
      Name: 'legacy-nat-a',
    });
  });

  it('should publish one report to the topic with a subject under 100 characters on one line', async () => {
    // Prepare
    const { account } = await nightly();

    // Act
    const outcome = await runNightlyAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    const messages = publishedMessages(account.sim);
    expect(outcome.published).toBe(true);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.topicArn).toBe(TOPIC_ARN);
    expect(messages[0]?.subject?.length).toBeLessThan(SNS_SUBJECT_LIMIT);
    expect(messages[0]?.subject).not.toMatch(/[\r\n]/);
    expect(messages[0]?.attributes.kind).toEqual({ DataType: 'String', StringValue: 'report' });
  });

  it('should name the gateways with findings in the report body', async () => {
    // Prepare
    const { account } = await nightly();

    // Act
    await runNightlyAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    const body = publishedMessages(account.sim)[0]?.message ?? '';
    for (const name of ['legacy-nat-a', 'forgotten-nat', 'prod-nat-a', 'prod-nat-b'])
      expect(body).toContain(name);
  });

  it('should tag the other gateways and report the one EC2 refuses to tag (TagLimitExceeded)', async () => {
    // Prepare: 48 user tags leave no room for the analysis figures.
    const { snapshot, account } = await nightly();
    const legacy = gatewayIdByName(snapshot, 'legacy-nat-a');
    const crowded = account.sim.state.natGateways.find((g) => g.natGatewayId === legacy);
    for (let i = 0; crowded && i < CROWDED_TAGS; i += 1) crowded.tags[`team:k${i}`] = 'v';

    // Act
    const outcome = await runNightlyAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    expect(outcome.taggedGateways).toBe(6);
    expect(crowded?.tags).not.toHaveProperty(ANALYSIS_TAGS.analyzedAt);
    expect(outcome.result.warnings).toContainEqual(expect.stringMatching(/legacy-nat-a.*TagLimitExceeded/));
    expect(publishedMessages(account.sim)[0]?.message).toContain('TagLimitExceeded');
  });

  it('should publish nothing when no topic is configured, and still tag', async () => {
    // Prepare
    const { account } = await nightly({});

    // Act
    const outcome = await runNightlyAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    expect(outcome.published).toBe(false);
    expect(publishedMessages(account.sim)).toEqual([]);
    expect(account.sim.callCount('EC2.CreateTags')).toBe(7);
  });

  it('should change nothing and publish nothing when not applying', async () => {
    // Prepare
    const { snapshot, account } = await nightly();
    const planOnly = { ...account.runtime, apply: false };

    // Act
    const outcome = await runNightlyAnalysis(planOnly, account.config, account.attribution);

    // Assess
    expect(outcome).toMatchObject({ taggedGateways: 0, published: false });
    expect(account.sim.state.natGateways.map((g) => g.tags)).toEqual(snapshot.natGateways.map((g) => g.tags));
    expect(publishedMessages(account.sim)).toEqual([]);
  });

  it('should reach the same result, tags and report with 30% of calls throttled', async () => {
    // Prepare
    const calm = await nightly();
    const throttled = await nightly();
    throttled.account.sim.injectFaults({ throttleRate: 0.3 }, 7);

    // Act
    const expected = await runNightlyAnalysis(
      calm.account.runtime,
      calm.account.config,
      calm.account.attribution,
    );
    const outcome = await runNightlyAnalysis(
      throttled.account.runtime,
      throttled.account.config,
      throttled.account.attribution,
    );

    // Assess
    expect(throttled.account.sim.throttledCalls).toBeGreaterThan(0);
    expect(outcome.result).toEqual(expected.result);
    expect(throttled.account.sim.state.natGateways).toEqual(calm.account.sim.state.natGateways);
    expect(publishedMessages(throttled.account.sim).map((m) => m.message)).toEqual(
      publishedMessages(calm.account.sim).map((m) => m.message),
    );
  });
});
