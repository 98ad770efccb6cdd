// Who opted into failover, and the names failover gives the alarms and gateways it manages (keys: tag-keys.ts).
import type { NatGateway, Tags } from '../model';
import { FAILOVER_TAGS, MANAGED_TAG, USER_TAGS } from '../tag-keys';

/** Every alarm the optimizer manages starts with this; the EventBridge rule matches on it. */
export const FAILOVER_ALARM_PREFIX = 'nat-optimizer-failover-';

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
