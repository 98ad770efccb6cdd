// Hourly NAT gateway metrics with day/night and weekday/weekend rhythms, for generated account snapshots.

import { DateTime } from 'luxon';
import { NAT_METRICS, type NatMetricName } from '../lib/domain/metric-series';
import { HOUR_MS } from '../lib/domain/time-units';

export type Random = () => number;

/** Small deterministic PRNG: the same seed gives the same account. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

/**
 * steady: production, busy around the clock with an afternoon peak; office: working hours only;
 * batch: a low floor with a nightly burst; idle: a trickle (health checks, NTP).
 */
export type TrafficProfile = 'steady' | 'office' | 'batch' | 'idle';

export interface TrafficShape {
  profile: TrafficProfile;
  /** IANA zone of the people and jobs behind the traffic. */
  timezone: string;
  /** Processed bytes (both directions into the gateway) in the busiest hour. */
  peakBytesPerHour: number;
  /** Share of processed bytes sent by the private subnets (the rest are responses). */
  uploadShare: number;
  /** Busy hours exhaust source ports towards one destination. */
  portErrors: boolean;
  /** The gateway drops a noticeable share of packets. */
  packetDrops: boolean;
}

const OFFICE_START_HOUR = 8;
const OFFICE_END_HOUR = 19;
const OFFICE_QUIET_LOAD = 0.004;
const WEEKEND_STEADY_FACTOR = 0.7;
const STEADY_PEAK_HOUR = 14;
const BATCH_FLOOR = 0.08;
const BATCH_HOURS = new Set([1, 2, 3]);
const NOISE = 0.2;
const PORT_ERROR_LOAD = 0.85;
const BYTES_PER_PACKET_FROM_SOURCE = 700;
const BYTES_PER_PACKET_FROM_DESTINATION = 1150;
const BYTES_PER_CONNECTION = 110_000;
const NORMAL_DROP_RATE = 2e-7;
const HIGH_DROP_RATE = 3e-4;

interface LocalHour {
  hour: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
}

const localHoursCache = new Map<string, LocalHour[]>();

function localHours(timezone: string, start: Date, hours: number): LocalHour[] {
  const key = `${timezone}|${start.getTime()}|${hours}`;
  const cached = localHoursCache.get(key);
  if (cached) return cached;
  const result = Array.from({ length: hours }, (_, i) => {
    const local = DateTime.fromMillis(start.getTime() + i * HOUR_MS, { zone: timezone });
    return { hour: local.hour, weekday: local.weekday };
  });
  localHoursCache.set(key, result);
  return result;
}

/** Share (0–1) of the peak load at this local hour. */
function load(profile: TrafficProfile, { hour, weekday }: LocalHour): number {
  const weekend = weekday >= 6;
  switch (profile) {
    case 'steady': {
      const daily = 0.55 + 0.45 * Math.cos((2 * Math.PI * (hour - STEADY_PEAK_HOUR)) / 24);
      return weekend ? daily * WEEKEND_STEADY_FACTOR : daily;
    }
    case 'office': {
      if (weekend || hour < OFFICE_START_HOUR || hour >= OFFICE_END_HOUR) return OFFICE_QUIET_LOAD;
      return hour === OFFICE_START_HOUR || hour === OFFICE_END_HOUR - 1 ? 0.6 : 1;
    }
    case 'batch':
      return BATCH_HOURS.has(hour) ? 1 : BATCH_FLOOR;
    case 'idle':
      return 0.5;
  }
}

/** Metric name → hourly values, as the snapshot holds them. */
type Series = Record<string, number[]>;

/** Every AWS/NATGateway metric, one value per hour from `start` (Sum, except ActiveConnectionCount: Maximum). */
export function hourlyMetrics(shape: TrafficShape, start: Date, hours: number, random: Random): Series {
  const series: Series = Object.fromEntries(NAT_METRICS.map((m) => [m, new Array<number>(hours).fill(0)]));
  const dropRate = shape.packetDrops ? HIGH_DROP_RATE : NORMAL_DROP_RATE;
  localHours(shape.timezone, start, hours).forEach((local, h) => {
    const share = load(shape.profile, local);
    const processed = shape.peakBytesPerHour * share * (1 - NOISE / 2 + random() * NOISE);
    const fromSource = Math.round(processed * shape.uploadShare);
    const fromDestination = Math.round(processed - fromSource);
    const packetsFromSource = Math.round(fromSource / BYTES_PER_PACKET_FROM_SOURCE);
    const packetsFromDestination = Math.round(fromDestination / BYTES_PER_PACKET_FROM_DESTINATION);
    const drops = Math.round((packetsFromSource + packetsFromDestination) * dropRate);
    const attempts = Math.round(processed / BYTES_PER_CONNECTION);
    const set = (metric: NatMetricName, value: number) => {
      const values = series[metric];
      if (values) values[h] = Math.max(0, value);
    };
    set('BytesInFromSource', fromSource);
    set('BytesInFromDestination', fromDestination);
    set('BytesOutToDestination', Math.round(fromSource * 0.999));
    set('BytesOutToSource', Math.round(fromDestination * 0.999));
    set('PacketsInFromSource', packetsFromSource);
    set('PacketsInFromDestination', packetsFromDestination);
    set('PacketsOutToDestination', packetsFromSource - Math.round(drops / 2));
    set('PacketsOutToSource', packetsFromDestination - Math.round(drops / 2));
    set('PacketsDropCount', drops);
    set('ConnectionAttemptCount', attempts);
    set('ConnectionEstablishedCount', Math.round(attempts * 0.975));
    set('IdleTimeoutCount', Math.round(attempts * 0.008));
    set('ActiveConnectionCount', Math.round(attempts / 950));
    set(
      'ErrorPortAllocation',
      shape.portErrors && share > PORT_ERROR_LOAD ? Math.round(attempts * 0.002) : 0,
    );
  });
  return series;
}

/** Bytes that entered the gateway over the whole series: what NAT data processing bills. */
export function processedBytes(series: Series): number {
  let total = 0;
  for (const value of series.BytesInFromSource ?? []) total += value;
  for (const value of series.BytesInFromDestination ?? []) total += value;
  return total;
}
