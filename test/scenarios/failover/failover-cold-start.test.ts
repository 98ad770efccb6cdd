// A Lambda's cold start validates only its own settings: a bad analysis or alert value never stops failover.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Section, variablesRead } from '../../../lib/config';
import { JOB_SECTIONS, type Job } from '../../../lib/config/jobs';
import { alarmEvent, defaultTarget, deliver, failoverAccount, IDS, withAlarms } from './failover-fixture';

const GARBAGE = 'garbage {!}';
const JOBS = Object.keys(JOB_SECTIONS) as Job[];

/** Every variable some job reads and the failover function does not: analysis, pricing, alerts, schedules… */
function variablesFailoverIgnores(): string[] {
  const failover = new Set(variablesRead(JOB_SECTIONS.failover));
  const all = JOBS.flatMap((job): readonly Section[] => JOB_SECTIONS[job]);
  return variablesRead(all).filter((name) => !failover.has(name));
}

describe('cold start with malformed settings of other jobs', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('should start the failover function and move routes with every other job’s variables set to garbage', async () => {
    // Prepare
    const ignored = variablesFailoverIgnores();
    for (const name of ignored) process.env[name] = GARBAGE;
    const account = await failoverAccount();
    await withAlarms(account);
    const event = deliver(account, alarmEvent(IDS.prodNatA, 'ALARM', account.sim.now()));

    // Act
    const { failoverHandler } = await import('../../../handlers/failover');
    const result = await failoverHandler(event, account.runtime);

    // Assess
    expect(ignored).toContain('NAT_OPTIMIZER_PRICE_OVERRIDES');
    expect('actions' in result ? result.actions : []).toEqual([
      expect.objectContaining({ routeTableId: IDS.prodPrivateA, to: IDS.prodNatB, result: 'done' }),
    ]);
    expect(defaultTarget(account, IDS.prodPrivateA)).toBe(IDS.prodNatB);
  });

  it('should start the egress probe with every failover, analysis and alert variable set to garbage', async () => {
    // Prepare
    const own = new Set(variablesRead(JOB_SECTIONS.egressProbe));
    const others = variablesRead(JOBS.flatMap((job): readonly Section[] => JOB_SECTIONS[job]));
    for (const name of others.filter((n) => !own.has(n) && n !== 'AWS_REGION')) process.env[name] = GARBAGE;

    // Act
    const probe = await import('../../../handlers/egress-probe');

    // Assess
    expect(typeof probe.handler).toBe('function');
  });

  it('should refuse to start the analyze function on NAT_OPTIMIZER_PRICE_OVERRIDES=garbage, naming it', async () => {
    // Prepare
    process.env.NAT_OPTIMIZER_PRICE_OVERRIDES = 'garbage';

    // Act
    const loading = import('../../../handlers/analyze');

    // Assess
    await expect(loading).rejects.toThrow('NAT_OPTIMIZER_PRICE_OVERRIDES must be JSON, got "garbage"');
  });

  it('should refuse to start the cost-alert function on a malformed alert variable, naming it', async () => {
    // Prepare
    process.env.NAT_OPTIMIZER_TOPIC_ARN = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';
    process.env.NAT_OPTIMIZER_ANOMALY_MULTIPLIER = 'twice';

    // Act
    const loading = import('../../../handlers/cost-alert');

    // Assess
    await expect(loading).rejects.toThrow('NAT_OPTIMIZER_ANOMALY_MULTIPLIER must be a number');
  });
});
