// The kinds of VPC a generated account is made of: layout, traffic and tags of their NAT gateways.
import { GIB } from '../lib/domain/pricing/cost-model';
import { between, type Random, type TrafficShape } from './generated-traffic';

/** prod: a gateway per AZ; dev: one gateway for two AZs (cross-AZ); staging: office hours and nightly batch;
 * legacy: an idle routed gateway and a forgotten, unrouted one. */
export type VpcKind = 'prod' | 'dev' | 'staging' | 'legacy';

export const VPC_CYCLE: readonly VpcKind[] = [
  'prod',
  'dev',
  'legacy',
  'staging',
  'prod',
  'dev',
  'prod',
  'staging',
];

export interface Layout {
  zones: number;
  gateways: number;
  s3EndpointChance: number;
  /** Range of the share of bytes going to S3 when no endpoint carries it. */
  s3Share: [number, number];
}

export const LAYOUTS: Record<VpcKind, Layout> = {
  prod: { zones: 3, gateways: 3, s3EndpointChance: 0.3, s3Share: [0.05, 0.45] },
  dev: { zones: 2, gateways: 1, s3EndpointChance: 0, s3Share: [0, 0.1] },
  staging: { zones: 2, gateways: 2, s3EndpointChance: 0.5, s3Share: [0.1, 0.3] },
  legacy: { zones: 1, gateways: 2, s3EndpointChance: 0, s3Share: [0, 0.05] },
};

const MIB = 2 ** 20;

function logBetween(random: Random, min: number, max: number): number {
  return Math.exp(between(random, Math.log(min), Math.log(max)));
}

export function shapeFor(random: Random, kind: VpcKind, position: number, timezone: string): TrafficShape {
  const base = { timezone, uploadShare: between(random, 0.15, 0.4), portErrors: false, packetDrops: false };
  switch (kind) {
    case 'prod':
      return {
        ...base,
        profile: 'steady',
        peakBytesPerHour: logBetween(random, 2 * GIB, 80 * GIB),
        portErrors: random() < 0.15,
        packetDrops: random() < 0.05,
      };
    case 'dev':
      return { ...base, profile: 'office', peakBytesPerHour: logBetween(random, 0.5 * GIB, 8 * GIB) };
    case 'staging':
      return position === 0
        ? { ...base, profile: 'office', peakBytesPerHour: logBetween(random, GIB, 10 * GIB) }
        : { ...base, profile: 'batch', peakBytesPerHour: logBetween(random, 5 * GIB, 40 * GIB) };
    case 'legacy':
      // The routed one trickles (under 1 GiB in two weeks); the unrouted one carries nothing.
      return {
        ...base,
        profile: 'idle',
        peakBytesPerHour: position === 0 ? between(random, MIB, 5 * MIB) : 0,
      };
  }
}

export function tagsFor(
  random: Random,
  kind: VpcKind,
  name: string,
  timezone: string,
): Record<string, string> {
  const tags: Record<string, string> = { Name: name, env: kind };
  if (kind === 'prod' && random() < 0.5) tags['nat-optimizer:failover'] = 'on';
  if (kind === 'dev' && random() < 0.4) {
    tags['nat-optimizer:schedule'] = 'Mon-Fri@07:00-20:00';
    tags['nat-optimizer:timezone'] = timezone;
  }
  return tags;
}
