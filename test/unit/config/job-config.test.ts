import { describe, expect, it } from 'vitest';
import { ConfigError, jobConfig, type Section, variablesRead } from '../../../lib/config';
import { JOB_SECTIONS, type Job } from '../../../lib/config/jobs';

const BASE = { AWS_REGION: 'us-east-1' };
/** Invalid for every setting that checks its value: not a number, a zone, a date, JSON, an ARN or an id. */
const GARBAGE = 'garbage {!}';
const ALL_SECTIONS = Object.keys(JOB_SECTIONS).flatMap((job) => JOB_SECTIONS[job as Job]) as Section[];

/** The variables some other job reads and this one does not. */
function foreignVariables(job: Job): string[] {
  const own = new Set(variablesRead(JOB_SECTIONS[job]));
  return variablesRead(ALL_SECTIONS).filter((name) => !own.has(name));
}

/** A job that reads the variable (to show the garbage value is really refused somewhere). */
function ownerOf(variable: string): Job {
  const owner = (Object.keys(JOB_SECTIONS) as Job[]).find((job) =>
    variablesRead(JOB_SECTIONS[job]).includes(variable),
  );
  if (!owner) throw new Error(`no job reads ${variable}`);
  return owner;
}

describe('configuration per job', () => {
  it('should read none of the price, analysis, endpoint, alert or schedule variables for failover', () => {
    // Act
    const read = variablesRead(JOB_SECTIONS.failover);

    // Assess
    expect(read).not.toContain('NAT_OPTIMIZER_PRICE_OVERRIDES');
    expect(read).not.toContain('NAT_OPTIMIZER_ANALYSIS_DAYS');
    expect(read).not.toContain('NAT_OPTIMIZER_DAILY_LIMIT_USD');
    expect(read).not.toContain('NAT_OPTIMIZER_HOLIDAYS');
    expect(read).not.toContain('NAT_OPTIMIZER_TIMEZONE');
    expect(read).toContain('NAT_OPTIMIZER_FAILOVER_CONCURRENCY');
  });

  it.each(['failover', 'egressProbe', 'schedule'] as const)(
    'should start the %s job whatever every other job’s variables say',
    (job) => {
      // Prepare
      const foreign = foreignVariables(job);
      const env = { ...BASE, ...Object.fromEntries(foreign.map((name) => [name, GARBAGE])) };

      // Act
      const config = jobConfig(env, job);

      // Assess
      expect(foreign.length).toBeGreaterThan(10);
      expect(Object.keys(config).sort()).toEqual([...JOB_SECTIONS[job]].sort());
    },
  );

  it.each(foreignVariables('failover'))(
    'should refuse %s=garbage in the job that reads it, naming it',
    (name) => {
      // Act
      const start = () => jobConfig({ ...BASE, [name]: GARBAGE }, ownerOf(name));

      // Assess
      expect(start).toThrow(ConfigError);
      expect(start).toThrow(name);
    },
  );

  it('should refuse a malformed price override in the analysis and the alert, naming the variable', () => {
    // Prepare
    const env = { ...BASE, NAT_OPTIMIZER_PRICE_OVERRIDES: 'garbage' };

    // Act
    const analyze = () => jobConfig(env, 'analyze');
    const costAlert = () => jobConfig(env, 'costAlert');

    // Assess
    expect(analyze).toThrow('NAT_OPTIMIZER_PRICE_OVERRIDES must be JSON, got "garbage"');
    expect(costAlert).toThrow('NAT_OPTIMIZER_PRICE_OVERRIDES must be JSON, got "garbage"');
  });

  it('should still refuse a malformed failover setting in the failover job', () => {
    // Act
    const start = () => jobConfig({ ...BASE, NAT_OPTIMIZER_FAILOVER_CONCURRENCY: 'ten' }, 'failover');

    // Assess
    expect(start).toThrow(
      'NAT_OPTIMIZER_FAILOVER_CONCURRENCY must be a whole number from 1 to 50, got "ten"',
    );
  });

  it('should freeze every section of a job', () => {
    // Act
    const config = jobConfig(BASE, 'analyze');

    // Assess
    expect(Object.isFrozen(config)).toBe(true);
    for (const section of Object.values(config)) expect(Object.isFrozen(section)).toBe(true);
  });
});
