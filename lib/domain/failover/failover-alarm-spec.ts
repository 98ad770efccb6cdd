// The health alarm of one gateway: a metric-math alarm that is 1 while the gateway fails its traffic.

import type { NatGateway, Tags } from '../model';
import { FAILOVER_TAGS, MANAGED_TAG } from '../tag-keys';
import { NAT_GATEWAY_DIMENSION } from './failover-event';
import { alarmNameFor } from './failover-opt-in';
import type { FailoverAlarmSettings } from './failover-settings';

export const NAT_NAMESPACE = 'AWS/NATGateway';
/** The probe publishes with Powertools metrics (EMF), which always adds the `service` dimension. */
export const PROBE_NAMESPACE = 'NatOptimizer';
export const PROBE_METRIC = 'EgressProbeSuccess';
export const PROBE_SERVICE_DIMENSION = { name: 'service', value: 'nat-optimizer' } as const;

const FAILING_THRESHOLD = 1;
/** Missing probe data means the probe is not running, which says nothing about the gateway. */
const PROBE_MISSING_AS = 1;

export interface AlarmMetricStat {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  period: number;
  stat: string;
}

export interface AlarmMetricQuery {
  id: string;
  label?: string;
  returnData: boolean;
  expression?: string;
  metricStat?: AlarmMetricStat;
}

/** What CloudWatch holds for an alarm, in the shape sync compares. */
export interface AlarmDefinition {
  description: string;
  metrics: AlarmMetricQuery[];
  threshold: number;
  comparisonOperator: string;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissingData: string;
}

export interface AlarmSpec extends AlarmDefinition {
  alarmName: string;
  natGatewayId: string;
  comparisonOperator: 'GreaterThanOrEqualToThreshold';
  treatMissingData: 'notBreaching';
  /** Applied when the alarm is created (PutMetricAlarm ignores tags on updates). */
  tags: Tags;
}

/** A regional gateway publishes per AZ: its metrics carry AvailabilityZone beside NatGatewayId. */
export const AVAILABILITY_ZONE_DIMENSION = 'AvailabilityZone';

function stat(
  id: string,
  metricName: string,
  natGatewayId: string,
  period: number,
  availabilityZone?: string,
): AlarmMetricQuery {
  return {
    id,
    returnData: false,
    metricStat: {
      namespace: NAT_NAMESPACE,
      metricName,
      dimensions: {
        [NAT_GATEWAY_DIMENSION]: natGatewayId,
        ...(availabilityZone ? { [AVAILABILITY_ZONE_DIMENSION]: availabilityZone } : {}),
      },
      period,
      stat: 'Sum',
    },
  };
}

/** The egress probe's success rate (Average of 1/0 checks) per period, on the gateway's dimension. */
export function probeQuery(natGatewayId: string, period: number): AlarmMetricQuery {
  return {
    id: 'probe',
    returnData: false,
    metricStat: {
      namespace: PROBE_NAMESPACE,
      metricName: PROBE_METRIC,
      dimensions: {
        [PROBE_SERVICE_DIMENSION.name]: PROBE_SERVICE_DIMENSION.value,
        [NAT_GATEWAY_DIMENSION]: natGatewayId,
      },
      period,
      stat: 'Average',
    },
  };
}

/**
 * failing = 1 when, in one period, the gateway dropped more than the threshold share of the packets it received
 * (only with enough packets to judge), or failed to allocate ports more than the threshold, or (with the probe)
 * the egress probe mostly failed. A silent gateway (no data) is not breaching: see docs/failover.md.
 */
export function failoverAlarmSpec(
  gateway: NatGateway,
  settings: FailoverAlarmSettings,
  withProbe: boolean,
  availabilityZone?: string,
): AlarmSpec {
  const id = gateway.natGatewayId;
  const zone = availabilityZone;
  const period = settings.periodSeconds;
  const conditions = [`dropratio > ${settings.dropRatioThreshold}`];
  if (settings.portErrorThreshold > 0) conditions.push(`FILL(ports, 0) > ${settings.portErrorThreshold}`);
  if (withProbe) conditions.push(`FILL(probe, ${PROBE_MISSING_AS}) < ${settings.probeSuccessThreshold}`);
  const metrics: AlarmMetricQuery[] = [
    stat('drops', 'PacketsDropCount', id, period, zone),
    stat('fromsource', 'PacketsInFromSource', id, period, zone),
    stat('fromdestination', 'PacketsInFromDestination', id, period, zone),
    ...(settings.portErrorThreshold > 0 ? [stat('ports', 'ErrorPortAllocation', id, period, zone)] : []),
    ...(withProbe ? [probeQuery(id, period)] : []),
    { id: 'packetsin', returnData: false, expression: 'FILL(fromsource, 0) + FILL(fromdestination, 0)' },
    {
      id: 'dropratio',
      returnData: false,
      expression: `IF(packetsin >= ${settings.minPackets}, FILL(drops, 0) / packetsin, 0)`,
    },
    {
      id: 'failing',
      label: 'failing (1) or healthy (0)',
      returnData: true,
      expression: `IF(${conditions.join(' OR ')}, 1, 0)`,
    },
  ];
  return healthAlarm({
    alarmName: zone ? `${alarmNameFor(id)}-${zone}` : alarmNameFor(id),
    natGatewayId: id,
    description: zone
      ? `nat-optimizer failover: regional NAT gateway ${id} (${gateway.tags.Name ?? 'unnamed'}) failing its traffic in ${zone}. ` +
        'ALARM is reported; a regional gateway is multi-AZ by itself, so failover never moves its route tables.'
      : `nat-optimizer failover: NAT gateway ${id} (${gateway.tags.Name ?? 'unnamed'}) failing its traffic. ` +
        'ALARM moves its route tables to a healthy gateway in another AZ; OK moves them back.',
    metrics,
    evaluationPeriods: settings.evaluationPeriods,
    datapointsToAlarm: settings.datapointsToAlarm,
  });
}

/**
 * Every health alarm of the optimizer: its returned expression is 1 while failing, ALARM at `datapointsToAlarm`
 * such periods, missing data not breaching, tagged as the optimizer's own with the gateway it watches.
 */
export function healthAlarm(
  parts: Pick<
    AlarmSpec,
    'alarmName' | 'natGatewayId' | 'description' | 'metrics' | 'evaluationPeriods' | 'datapointsToAlarm'
  >,
): AlarmSpec {
  return {
    ...parts,
    threshold: FAILING_THRESHOLD,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    tags: { [MANAGED_TAG.key]: MANAGED_TAG.value, [FAILOVER_TAGS.alarmGateway]: parts.natGatewayId },
  };
}

/** Stable text of a definition: two alarms with the same text need no update. */
export function definitionKey(definition: AlarmDefinition): string {
  const metrics = definition.metrics.map((m) => ({
    id: m.id,
    label: m.label ?? null,
    returnData: m.returnData,
    expression: m.expression ?? null,
    metricStat: m.metricStat
      ? {
          ...m.metricStat,
          dimensions: Object.entries(m.metricStat.dimensions).sort(([a], [b]) => a.localeCompare(b)),
        }
      : null,
  }));
  return JSON.stringify([
    definition.description,
    metrics,
    definition.threshold,
    definition.comparisonOperator,
    definition.evaluationPeriods,
    definition.datapointsToAlarm,
    definition.treatMissingData,
  ]);
}
