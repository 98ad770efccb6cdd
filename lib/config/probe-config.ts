// Settings of the egress probe function: what it fetches, how long it waits, how often it checks, which gateway
// its answer is about.
import { ConfigError, type Env, numberField, optionalString } from './env-fields';

const MAX_PROBE_TIMEOUT_MS = 20_000;
const MIN_PROBE_TIMEOUT_MS = 100;
const DEFAULT_PROBE_TIMEOUT_MS = 3000;
/** alterNAT's cadence: a check every 5 seconds, looping inside one invocation a minute. */
const DEFAULT_PROBE_INTERVAL_SECONDS = 5;
const MAX_PROBE_INTERVAL_SECONDS = 60;
const MS_PER_SECOND = 1000;

export interface ProbeConfig {
  /** Asked with HTTPS HEAD; any answer (even 4xx/5xx) proves egress works. */
  url: string;
  timeoutMs: number;
  /** Seconds between two checks of one invocation (60: one check a minute). */
  intervalSeconds: number;
  /** The gateway the probe's subnets route through; absent: the probe has nothing to measure. */
  natGatewayId?: string;
}

function probeUrl(env: Env): string {
  const name = 'NAT_OPTIMIZER_EGRESS_PROBE_URL';
  const text = optionalString(env, name) ?? 'https://aws.amazon.com/';
  if (!URL.canParse(text) || new URL(text).protocol !== 'https:') {
    throw new ConfigError(`${name} must be an https:// URL, got "${text}"`);
  }
  return text;
}

export function probeConfig(env: Env): ProbeConfig {
  const probeGateway = optionalString(env, 'NAT_OPTIMIZER_EGRESS_PROBE_NAT_GATEWAY_ID');
  if (probeGateway !== undefined && !/^nat-[0-9a-f]+$/.test(probeGateway)) {
    throw new ConfigError(
      `NAT_OPTIMIZER_EGRESS_PROBE_NAT_GATEWAY_ID must be a NAT gateway id, got "${probeGateway}"`,
    );
  }
  const timeoutMs = numberField(env, 'NAT_OPTIMIZER_EGRESS_PROBE_TIMEOUT_MS', DEFAULT_PROBE_TIMEOUT_MS, {
    min: MIN_PROBE_TIMEOUT_MS,
    max: MAX_PROBE_TIMEOUT_MS,
    integer: true,
  });
  const name = 'NAT_OPTIMIZER_EGRESS_PROBE_INTERVAL_SECONDS';
  const intervalSeconds = numberField(env, name, DEFAULT_PROBE_INTERVAL_SECONDS, {
    min: 1,
    max: MAX_PROBE_INTERVAL_SECONDS,
    integer: true,
  });
  if (timeoutMs >= intervalSeconds * MS_PER_SECOND) {
    throw new ConfigError(
      `${name} (${intervalSeconds} s) must be longer than NAT_OPTIMIZER_EGRESS_PROBE_TIMEOUT_MS (${timeoutMs} ms): a check must end before the next one`,
    );
  }
  return {
    url: probeUrl(env),
    timeoutMs,
    intervalSeconds,
    ...(probeGateway ? { natGatewayId: probeGateway } : {}),
  };
}
