// Fast detection (opt-in per VPC or gateway): besides its metric alarm, a gateway gets a high-resolution alarm on
// the egress probe, which checks every few seconds and publishes each check at a storage resolution of 1 s. The
// alarm needs several failing periods (never one lost check) and treats a silent probe as healthy, so neither a
// lost probe nor a gateway without traffic can move routes. docs/failover.md "Fast detection".

import type { Inventory, NatGateway } from '../model';
import { FAILOVER_TAGS } from '../tag-keys';
import { type AlarmSpec, healthAlarm, probeQuery } from './failover-alarm-spec';
import { FAILOVER_ALARM_PREFIX, ON } from './failover-opt-in';
import type { FastDetectionSettings } from './fast-detection-settings';

/** On a NAT gateway or its VPC (user): `on` adds the high-resolution probe alarm. */
export const FAST_DETECTION_TAG = FAILOVER_TAGS.fastDetection;
const OFF = 'off';

export type FastDetection =
  | { kind: 'on' }
  | { kind: 'off' }
  | { kind: 'malformed'; value: string; where: string };

function tagValue(tags: Record<string, string>): 'on' | 'off' | 'absent' | { malformed: string } {
  const value = tags[FAST_DETECTION_TAG];
  if (value === undefined) return 'absent';
  const normalised = value.trim().toLowerCase();
  if (normalised === ON) return 'on';
  if (normalised === OFF) return 'off';
  return { malformed: value };
}

/**
 * The gateway's own tag wins (`off` on a gateway of an opted-in VPC leaves it out), then the VPC's tag, then the
 * configured ids. A malformed value is reported and the gateway's fast alarm is left as it is.
 */
export function fastDetection(
  gateway: NatGateway,
  inventory: Inventory,
  settings: FastDetectionSettings,
): FastDetection {
  const own = tagValue(gateway.tags);
  if (typeof own === 'object')
    return { kind: 'malformed', value: own.malformed, where: gateway.natGatewayId };
  if (own !== 'absent') return { kind: own };
  const vpc = inventory.vpcs.find((v) => v.vpcId === gateway.vpcId);
  const ofVpc = vpc ? tagValue(vpc.tags) : 'absent';
  if (typeof ofVpc === 'object') return { kind: 'malformed', value: ofVpc.malformed, where: gateway.vpcId };
  if (ofVpc !== 'absent') return { kind: ofVpc };
  const configured = settings.ids.includes(gateway.natGatewayId) || settings.ids.includes(gateway.vpcId);
  return { kind: configured ? 'on' : 'off' };
}

const FAST_SUFFIX = '-fast';

export function fastAlarmNameFor(natGatewayId: string): string {
  return `${FAILOVER_ALARM_PREFIX}${natGatewayId}${FAST_SUFFIX}`;
}

export function isFastAlarmName(alarmName: string): boolean {
  return alarmName.startsWith(FAILOVER_ALARM_PREFIX) && alarmName.endsWith(FAST_SUFFIX);
}

/** A silent probe (not running, or its lines not yet in) says nothing about the gateway: healthy. */
const PROBE_MISSING_AS = 1;

/**
 * failing = 1 in a period whose probe checks mostly failed; ALARM after `datapointsToAlarm` such periods out of
 * `evaluationPeriods`. Each period holds two checks at the default 5-second probe interval.
 */
export function fastDetectionAlarmSpec(gateway: NatGateway, settings: FastDetectionSettings): AlarmSpec {
  const id = gateway.natGatewayId;
  return healthAlarm({
    alarmName: fastAlarmNameFor(id),
    natGatewayId: id,
    description:
      `nat-optimizer fast failover: the egress probe through NAT gateway ${id} (${gateway.tags.Name ?? 'unnamed'}) ` +
      `failed in ${settings.datapointsToAlarm} of ${settings.evaluationPeriods} periods of ${settings.periodSeconds} s. ` +
      'ALARM moves its route tables to a healthy gateway in another AZ; OK (with its metric alarm) moves them back.',
    metrics: [
      probeQuery(id, settings.periodSeconds),
      {
        id: 'failing',
        label: 'egress probe failing (1) or healthy (0)',
        returnData: true,
        expression: `IF(FILL(probe, ${PROBE_MISSING_AS}) < ${settings.probeSuccessThreshold}, 1, 0)`,
      },
    ],
    evaluationPeriods: settings.evaluationPeriods,
    datapointsToAlarm: settings.datapointsToAlarm,
  });
}
