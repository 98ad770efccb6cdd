// The one place that reads process.env. Configuration comes in sections; each job validates only the sections it
// uses (lib/config/jobs.ts), so a bad analysis setting can never stop the failover function at cold start.
// Validated once, frozen, with errors that name the variable.
import { type AlertConfig, alertConfig } from './config/alert-config';
import { type AnalysisConfig, analysisConfig } from './config/analysis-config';
import { type CoreConfig, coreConfig } from './config/core-config';
import { type EndpointsConfig, endpointsConfig } from './config/endpoints-config';
import type { Env } from './config/env-fields';
import { type FailoverConfig, failoverConfig } from './config/failover-config';
import { JOB_SECTIONS, type Job } from './config/jobs';
import { type OrgConfig, orgConfig } from './config/org-config';
import { type PricingConfig, pricingConfig } from './config/pricing-config';
import { type ProbeConfig, probeConfig } from './config/probe-config';
import { type ScheduleConfig, scheduleConfig } from './config/schedule-config';

export { ConfigError } from './config/env-fields';
export type { Job } from './config/jobs';

export interface Config {
  core: CoreConfig;
  pricing: PricingConfig;
  analysis: AnalysisConfig;
  alert: AlertConfig;
  endpoints: EndpointsConfig;
  failover: FailoverConfig;
  probe: ProbeConfig;
  schedule: ScheduleConfig;
  org: OrgConfig;
}

export type Section = keyof Config;

/** The sections a use-case reads: what its callers must have validated. */
export type ConfigOf<S extends Section> = Readonly<Pick<Config, S>>;

/** The configuration of one job (a Lambda function, a CLI command). */
export type JobConfig<J extends Job> = ConfigOf<(typeof JOB_SECTIONS)[J][number]>;

const SECTION_BUILDERS: { [S in Section]: (env: Env) => Config[S] } = {
  core: coreConfig,
  pricing: pricingConfig,
  analysis: analysisConfig,
  alert: alertConfig,
  endpoints: endpointsConfig,
  failover: failoverConfig,
  probe: probeConfig,
  schedule: scheduleConfig,
  org: orgConfig,
};

/** Builds and validates the given sections only; pure, so tests and the deploy-time check pass their own env. */
export function buildConfig<S extends Section>(env: Env, sections: readonly S[]): ConfigOf<S> {
  const config: Partial<Config> = {};
  for (const section of new Set(sections)) {
    Object.assign(config, { [section]: Object.freeze(SECTION_BUILDERS[section](env)) });
  }
  return Object.freeze(config as Pick<Config, S>);
}

const ALL_SECTIONS = Object.keys(SECTION_BUILDERS) as Section[];

/** Every section: for tests, benchmarks and tools that run several jobs on one account. */
export function buildFullConfig(env: Env): Config {
  return buildConfig(env, ALL_SECTIONS);
}

/** The environment variables the given sections read, set or not (what a job's settings are made of). */
export function variablesRead(sections: readonly Section[]): string[] {
  const read = new Set<string>();
  const recording: Env = new Proxy<Env>(
    { AWS_REGION: 'us-east-1' },
    {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key);
      },
    },
  );
  buildConfig(recording, sections);
  return [...read].sort();
}

/** The configuration of a job, built from its sections. */
export function jobConfig<J extends Job>(env: Env, job: J): JobConfig<J> {
  return buildConfig(env, JOB_SECTIONS[job]);
}

const cached = new Map<Job, unknown>();

/** The process's configuration for one job, read from process.env on first use (a Lambda's cold start). */
export function loadConfig<J extends Job>(job: J): JobConfig<J> {
  const known = cached.get(job) as JobConfig<J> | undefined;
  if (known) return known;
  const config = jobConfig(process.env, job);
  cached.set(job, config);
  return config;
}

/** For the CLI: environment plus values from flags (flags win), for the job a command runs. */
export function configWith<J extends Job>(job: J, overrides: Env): JobConfig<J> {
  return jobConfig({ ...process.env, ...overrides }, job);
}

/** For the CLI: the given sections only, from the environment plus flags (flags win). */
export function sectionsWith<S extends Section>(sections: readonly S[], overrides: Env): ConfigOf<S> {
  return buildConfig({ ...process.env, ...overrides }, sections);
}

/** The configuration of one target of an organisation run: its region, the hub's settings otherwise. */
export function orgTargetConfig(region: string): JobConfig<'orgTarget'> {
  return jobConfig({ ...process.env, AWS_REGION: region }, 'orgTarget');
}

/** How the CLI colours its output: FORCE_COLOR wins (0 turns colour off), then NO_COLOR (https://no-color.org), else a TTY. */
export type ColorPreference = 'always' | 'never' | 'auto';

function colorPreference(env: Env): ColorPreference {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force === '0' || force.toLowerCase() === 'false' ? 'never' : 'always';
  const noColor = env.NO_COLOR;
  return noColor !== undefined && noColor !== '' ? 'never' : 'auto';
}

/** The CLI's environment: the AWS profile when --profile is not given, and the colour preference. */
export function cliEnvironment(): { profile?: string; color: ColorPreference } {
  const profile = process.env.AWS_PROFILE;
  return { ...(profile ? { profile } : {}), color: colorPreference(process.env) };
}
