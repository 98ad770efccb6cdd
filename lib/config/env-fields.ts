// Parsing of configuration values. Pure: takes the environment as a record, so tests pass their own.
import { IANAZone } from 'luxon';

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function requiredString(env: Env, name: string): string {
  const value = raw(env, name);
  if (value === undefined) throw new ConfigError(`${name} environment variable is not set`);
  return value;
}

export function optionalString(env: Env, name: string): string | undefined {
  return raw(env, name);
}

export function numberField(
  env: Env,
  name: string,
  fallback: number,
  bounds: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const text = raw(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  const { min = 0, max = Number.POSITIVE_INFINITY, integer = false } = bounds;
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = `${integer ? 'a whole number' : 'a number'} ${Number.isFinite(max) ? `from ${min} to ${max}` : `of at least ${min}`}`;
    throw new ConfigError(`${name} must be ${range}, got "${text}"`);
  }
  return value;
}

export function booleanField(env: Env, name: string, fallback: boolean): boolean {
  const text = raw(env, name);
  if (text === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(text.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(text.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

export function timezoneField(env: Env, name: string, fallback: string): string {
  const zone = raw(env, name) ?? fallback;
  if (!IANAZone.isValidZone(zone))
    throw new ConfigError(`${name} must be an IANA time zone such as Europe/Berlin, got "${zone}"`);
  return zone;
}

export function jsonField<T>(env: Env, name: string, fallback: T, parse: (value: unknown) => T): T {
  const text = raw(env, name);
  if (text === undefined) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${name} must be JSON, got "${text.slice(0, 80)}"`);
  }
  try {
    return parse(json);
  } catch (error) {
    throw new ConfigError(`${name} is invalid (${describeError(error)}), got "${text.slice(0, 80)}"`);
  }
}

/** Schema errors (zod's `issues`) as "path: message"; anything else by its message. */
export function describeError(error: unknown): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (Array.isArray(issues)) {
    return issues
      .map((issue) => `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

export function listField(env: Env, name: string): string[] {
  return (raw(env, name) ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** NAT_OPTIMIZER_TIMEZONE: the zone of schedules without a nat-optimizer:timezone tag, of traffic profiles and of days. */
export function defaultTimezone(env: Env): string {
  return timezoneField(env, 'NAT_OPTIMIZER_TIMEZONE', 'UTC');
}
