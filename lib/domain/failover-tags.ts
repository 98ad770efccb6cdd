// Failover's own tags and names (Contract 1 keys shared with the scheduler live in tag-keys.ts).
import type { NatGateway, Tags } from './model';
import { MANAGED_TAG, USER_TAGS } from './tag-keys';

/** Every alarm the optimizer manages starts with this; the EventBridge rule matches on it. */
export const FAILOVER_ALARM_PREFIX = 'nat-optimizer-failover-';

export const FAILOVER_TAGS = {
  /** On a NAT gateway (user): the gateway its route tables should fail over to, when that one is healthy. */
  target: 'nat-optimizer:failover-target',
  /** On a VPC (user): `on` lets failover create an emergency gateway when no healthy one exists. */
  emergencyGateway: 'nat-optimizer:emergency-gateway',
  /** On a VPC (user): allocation id of a spare Elastic IP for the emergency gateway. */
  emergencyEip: 'nat-optimizer:emergency-eip',
  /** On a VPC (user): `on` adds the egress probe to its gateways' alarms. On a route table: never moved. */
  egressProbe: 'nat-optimizer:egress-probe',
  /** On an emergency gateway (optimizer): the gateway it stands in for. */
  emergencyFor: 'nat-optimizer:emergency-for',
  /** On an emergency gateway and its Elastic IP (optimizer): the VPC it serves; the EIP is reused next time. */
  emergencyVpc: 'nat-optimizer:emergency-vpc',
  /** On an alarm (optimizer): the gateway it watches. */
  alarmGateway: 'nat-optimizer:nat-gateway-id',
} as const;

export const ON = 'on';
const OFF = 'off';

export type OptIn = { kind: 'on' } | { kind: 'off' } | { kind: 'malformed'; value: string };

/** `nat-optimizer:failover`: `on` or `off` (case-insensitive); absent is off; anything else is malformed. */
export function failoverOptIn(gateway: { tags: Tags }): OptIn {
  const value = gateway.tags[USER_TAGS.failover];
  if (value === undefined) return { kind: 'off' };
  const normalised = value.trim().toLowerCase();
  if (normalised === ON) return { kind: 'on' };
  if (normalised === OFF) return { kind: 'off' };
  return { kind: 'malformed', value };
}

export function isOn(tags: Tags, key: string): boolean {
  return tags[key]?.trim().toLowerCase() === ON;
}

export function isManaged(resource: { tags: Tags }): boolean {
  return resource.tags[MANAGED_TAG.key] === MANAGED_TAG.value;
}

export function alarmNameFor(natGatewayId: string): string {
  return `${FAILOVER_ALARM_PREFIX}${natGatewayId}`;
}

/** An emergency gateway the optimizer created to stand in for `failingId`. */
export function isEmergencyFor(gateway: NatGateway, failingId: string): boolean {
  return isManaged(gateway) && gateway.tags[FAILOVER_TAGS.emergencyFor] === failingId;
}
