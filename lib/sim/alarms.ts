// CloudWatch alarms of the simulated account: PutMetricAlarm, DescribeAlarms, DeleteAlarms and alarm tags.
// Alarms live in the snapshot's `alarms[]` (alarmName, natGatewayId, state) with their definition and tags
// kept beside them, so a written snapshot carries them on to the next command.

import type {
  DeleteAlarmsInput,
  DescribeAlarmsInput,
  ListTagsForResourceInput,
  PutMetricAlarmInput,
  TagResourceInput,
} from '@aws-sdk/client-cloudwatch';
import { z } from 'zod';
import { MAX_TAGS_PER_RESOURCE } from '../domain/aws-limits';
import { checkAlarm, validationError } from './alarm-validation';
import type { SimAccount } from './sim-account';
import type { Snapshot } from './snapshot-schema';

type SimAlarm = NonNullable<Snapshot['alarms']>[number];
type AlarmState = SimAlarm['state'];

const MAX_RECORDS = 100;
const MAX_DELETE = 100;
const NAT_DIMENSION = 'NatGatewayId';
const INITIAL_REASON = 'Unchecked: Initial alarm creation';

const objectRecord = z.record(z.string(), z.unknown());
const tagRecord = z.record(z.string(), z.string());

function alarmsOf(sim: SimAccount): SimAlarm[] {
  sim.state.alarms ??= [];
  return sim.state.alarms;
}

function arnOf(sim: SimAccount, alarmName: string): string {
  return `arn:aws:cloudwatch:${sim.state.region}:${sim.state.accountId}:alarm:${alarmName}`;
}

function gatewayOf(input: PutMetricAlarmInput): string {
  const dimensions = [
    ...(input.Dimensions ?? []),
    ...(input.Metrics ?? []).flatMap((q) => q.MetricStat?.Metric?.Dimensions ?? []),
  ];
  return dimensions.find((d) => d.Name === NAT_DIMENSION)?.Value ?? '';
}

/** A snapshot alarm given without a definition reads as a plain alarm on the gateway's packet drops. */
function seededDefinition(alarm: SimAlarm): Record<string, unknown> {
  return {
    Namespace: 'AWS/NATGateway',
    MetricName: 'PacketsDropCount',
    Dimensions: alarm.natGatewayId ? [{ Name: NAT_DIMENSION, Value: alarm.natGatewayId }] : [],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'missing',
  };
}

function describe(sim: SimAccount, alarm: SimAlarm): object {
  const stored = objectRecord.safeParse(alarm.definition);
  const updated = typeof alarm.stateUpdatedAt === 'string' ? alarm.stateUpdatedAt : sim.state.capturedAt;
  return {
    ...(stored.success ? stored.data : seededDefinition(alarm)),
    AlarmName: alarm.alarmName,
    AlarmArn: arnOf(sim, alarm.alarmName),
    StateValue: alarm.state,
    StateReason: typeof alarm.stateReason === 'string' ? alarm.stateReason : INITIAL_REASON,
    StateUpdatedTimestamp: new Date(updated),
  };
}

function findByArn(sim: SimAccount, arn: string | undefined): SimAlarm {
  const alarm = alarmsOf(sim).find((a) => arnOf(sim, a.alarmName) === arn);
  if (!alarm) throw sim.error('CloudWatch', 'ResourceNotFoundException', `Resource ${arn} not found`, 404);
  return alarm;
}

function tagsOf(alarm: SimAlarm): Record<string, string> {
  const parsed = tagRecord.safeParse(alarm.tags);
  return parsed.success ? parsed.data : {};
}

export function registerAlarms(sim: SimAccount): void {
  sim.on<PutMetricAlarmInput>('CloudWatch', 'PutMetricAlarm', (input) => {
    const name = checkAlarm(sim, input);
    const { AlarmName: _name, Tags: tags, ...definition } = input;
    const stored = JSON.parse(JSON.stringify(definition));
    const alarms = alarmsOf(sim);
    const existing = alarms.find((a) => a.alarmName === name);
    if (existing) {
      // An update overwrites the definition and keeps the state; tags given here are ignored (TagResource).
      existing.definition = stored;
      existing.natGatewayId = gatewayOf(input);
      return {};
    }
    alarms.push({
      alarmName: name,
      natGatewayId: gatewayOf(input),
      state: 'INSUFFICIENT_DATA',
      stateReason: INITIAL_REASON,
      stateUpdatedAt: sim.now().toISOString(),
      definition: stored,
      tags: Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    });
    return {};
  });

  sim.on<DescribeAlarmsInput>('CloudWatch', 'DescribeAlarms', (input) => {
    if (input.AlarmNames && input.AlarmNamePrefix) {
      throw sim.error(
        'CloudWatch',
        'InvalidParameterCombination',
        'AlarmNames and AlarmNamePrefix cannot be used together',
      );
    }
    const max = input.MaxRecords ?? MAX_RECORDS;
    if (max < 1 || max > MAX_RECORDS) throw validationError(sim, `MaxRecords must be 1 to ${MAX_RECORDS}`);
    const wantsMetricAlarms = !input.AlarmTypes || input.AlarmTypes.includes('MetricAlarm');
    const candidates = wantsMetricAlarms ? alarmsOf(sim) : [];
    const selected = candidates
      .filter((a) => !input.AlarmNames || input.AlarmNames.includes(a.alarmName))
      .filter((a) => !input.AlarmNamePrefix || a.alarmName.startsWith(input.AlarmNamePrefix))
      .filter((a) => !input.StateValue || a.state === input.StateValue)
      .sort((a, b) => a.alarmName.localeCompare(b.alarmName));
    const offset = input.NextToken ? Number(input.NextToken) : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw sim.error('CloudWatch', 'InvalidNextToken', 'The NextToken is invalid');
    const page = selected.slice(offset, offset + max);
    const next = offset + page.length < selected.length ? String(offset + page.length) : undefined;
    return { MetricAlarms: page.map((a) => describe(sim, a)), CompositeAlarms: [], NextToken: next };
  });

  sim.on<DeleteAlarmsInput>('CloudWatch', 'DeleteAlarms', (input) => {
    const names = input.AlarmNames ?? [];
    if (names.length === 0 || names.length > MAX_DELETE)
      throw validationError(sim, `AlarmNames must hold 1 to ${MAX_DELETE} names`);
    const alarms = alarmsOf(sim);
    const missing = names.filter((name) => !alarms.some((a) => a.alarmName === name));
    if (missing.length > 0)
      throw sim.error('CloudWatch', 'ResourceNotFound', `Alarm(s) not found: ${missing.join(', ')}`, 404);
    sim.state.alarms = alarms.filter((a) => !names.includes(a.alarmName));
    return {};
  });

  sim.on<TagResourceInput>('CloudWatch', 'TagResource', (input) => {
    const alarm = findByArn(sim, input.ResourceARN);
    const tags = {
      ...tagsOf(alarm),
      ...Object.fromEntries((input.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    };
    if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE)
      throw sim.error('CloudWatch', 'LimitExceededException', `at most ${MAX_TAGS_PER_RESOURCE} tags`);
    alarm.tags = tags;
    return {};
  });

  sim.on<ListTagsForResourceInput>('CloudWatch', 'ListTagsForResource', (input) => {
    const alarm = findByArn(sim, input.ResourceARN);
    return { Tags: Object.entries(tagsOf(alarm)).map(([Key, Value]) => ({ Key, Value })) };
  });
}

export interface AlarmStateChange {
  alarmName: string;
  natGatewayId: string;
  state: AlarmState;
  at: Date;
  reason?: string;
}

/**
 * CloudWatch's side of an alarm state change event: the alarm (created if the snapshot lacks it) takes the
 * event's state unless it already changed later, so replaying an older event cannot roll it back.
 */
export function applyAlarmStateChange(sim: SimAccount, change: AlarmStateChange): boolean {
  const alarms = alarmsOf(sim);
  let alarm = alarms.find((a) => a.alarmName === change.alarmName);
  if (!alarm) {
    alarm = { alarmName: change.alarmName, natGatewayId: change.natGatewayId, state: change.state };
    alarms.push(alarm);
  }
  const updated =
    typeof alarm.stateUpdatedAt === 'string' ? Date.parse(alarm.stateUpdatedAt) : Number.NEGATIVE_INFINITY;
  if (change.at.getTime() < updated) return false;
  alarm.state = change.state;
  alarm.stateUpdatedAt = change.at.toISOString();
  alarm.stateReason = change.reason ?? `Set from an alarm state change event at ${change.at.toISOString()}`;
  return true;
}
