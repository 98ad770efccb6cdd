// The one place that reads process.env: validated once, frozen, with errors that name the variable.
import { type AlertConfig, alertConfig } from './config/alert-config';
import { type AnalysisConfig, analysisConfig } from './config/analysis-config';
import { type CoreConfig, coreConfig } from './config/core-config';
import { type EndpointsConfig, endpointsConfig } from './config/endpoints-config';
import type { Env } from './config/env-fields';
import { type FailoverConfig, failoverConfig } from './config/failover-config';
import { type ScheduleConfig, scheduleConfig } from './config/schedule-config';

export { ConfigError } from './config/env-fields';

export interface Config {
  core: CoreConfig;
  analysis: AnalysisConfig;
  alert: AlertConfig;
  endpoints: EndpointsConfig;
  failover: FailoverConfig;
  schedule: ScheduleConfig;
}

export function buildConfig(env: Env): Config {
  const core = coreConfig(env);
  const analysis = analysisConfig(env, core.defaultTimezone);
  return Object.freeze({
    core,
    analysis,
    alert: alertConfig(env, core.defaultTimezone),
    endpoints: endpointsConfig(env, analysis.windowDays),
    failover: failoverConfig(env),
    schedule: scheduleConfig(env, core.defaultTimezone),
  });
}

let cached: Config | undefined;

/** The process's configuration, read from process.env on first use. */
export function loadConfig(): Config {
  cached ??= buildConfig(process.env);
  return cached;
}

/** For the CLI: environment plus values from flags (flags win). */
export function configWith(overrides: Env): Config {
  return buildConfig({ ...process.env, ...overrides });
}

/** The CLI's defaults from the standard AWS variables, for when --region/--profile are not given. */
export function cliEnvironment(): { profile?: string; region?: string } {
  const profile = process.env.AWS_PROFILE;
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  return { ...(profile ? { profile } : {}), ...(region ? { region } : {}) };
}
