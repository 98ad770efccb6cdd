import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  ListTagsForResourceCommand,
  PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { alarmTags, deleteAlarms, describeAlarms, putAlarm } from '../../lib/aws/alarms';
import { failoverAlarmSpec } from '../../lib/domain/failover/failover-alarm-spec';
import { DEFAULT_FAILOVER_SETTINGS } from '../../lib/domain/failover/failover-settings';
import type { NatGateway } from '../../lib/domain/model';

const cloudwatchMock = mockClient(CloudWatchClient);
const cloudwatch = new CloudWatchClient({ region: 'us-east-1' });
const GATEWAY: NatGateway = {
  natGatewayId: 'nat-0aaaaaaaaaaaaaaaa',
  vpcId: 'vpc-1',
  subnetId: 'subnet-1',
  availabilityZone: 'us-east-1a',
  state: 'available',
  connectivityType: 'public',
  secondaryAllocationIds: [],
  secondaryPrivateIps: [],
  tags: { Name: 'prod-nat-a' },
};
const SPEC = failoverAlarmSpec(GATEWAY, DEFAULT_FAILOVER_SETTINGS.alarm, false);

describe('CloudWatch alarm adapter', () => {
  afterEach(() => {
    cloudwatchMock.reset();
  });

  it('should read every page of alarms under the prefix', async () => {
    // Prepare
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [{ AlarmName: 'nat-optimizer-failover-a', StateValue: 'OK' }],
        NextToken: 'p2',
      })
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'nat-optimizer-failover-b', StateValue: 'ALARM' }] });

    // Act
    const alarms = await describeAlarms(cloudwatch, 'nat-optimizer-failover-');

    // Assess
    expect(alarms.map((a) => [a.alarmName, a.state])).toEqual([
      ['nat-optimizer-failover-a', 'OK'],
      ['nat-optimizer-failover-b', 'ALARM'],
    ]);
    expect(cloudwatchMock).toHaveReceivedCommandWith(DescribeAlarmsCommand, {
      AlarmNamePrefix: 'nat-optimizer-failover-',
      AlarmTypes: ['MetricAlarm'],
      NextToken: 'p2',
    });
  });

  it('should read the gateway from the metric dimensions of a single-metric alarm', async () => {
    // Prepare
    cloudwatchMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'nat-optimizer-failover-renamed',
          StateValue: 'ALARM',
          Namespace: 'AWS/NATGateway',
          MetricName: 'PacketsDropCount',
          Dimensions: [{ Name: 'NatGatewayId', Value: 'nat-0bbbbbbbbbbbbbbbb' }],
        },
      ],
    });

    // Act
    const [alarm] = await describeAlarms(cloudwatch, 'nat-optimizer-failover-');

    // Assess
    expect(alarm?.natGatewayId).toBe('nat-0bbbbbbbbbbbbbbbb');
  });

  it('should send the metric-math alarm with its tags and explicit missing-data treatment', async () => {
    // Prepare
    cloudwatchMock.on(PutMetricAlarmCommand).resolves({});

    // Act
    await putAlarm(cloudwatch, SPEC);

    // Assess
    expect(cloudwatchMock).toHaveReceivedCommandWith(PutMetricAlarmCommand, {
      AlarmName: 'nat-optimizer-failover-nat-0aaaaaaaaaaaaaaaa',
      TreatMissingData: 'notBreaching',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Tags: [
        { Key: 'nat-optimizer:managed', Value: 'true' },
        { Key: 'nat-optimizer:nat-gateway-id', Value: 'nat-0aaaaaaaaaaaaaaaa' },
      ],
    });
  });

  it('should read back what it wrote as the same definition', async () => {
    // Prepare
    cloudwatchMock.on(PutMetricAlarmCommand).resolves({});
    await putAlarm(cloudwatch, SPEC);
    const sent = cloudwatchMock.commandCalls(PutMetricAlarmCommand)[0]?.args[0].input;
    cloudwatchMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [{ ...sent, AlarmName: SPEC.alarmName, StateValue: 'OK' }],
    });

    // Act
    const [alarm] = await describeAlarms(cloudwatch, 'nat-optimizer-failover-');

    // Assess
    expect(alarm?.definition).toEqual({
      description: SPEC.description,
      metrics: SPEC.metrics,
      threshold: SPEC.threshold,
      comparisonOperator: SPEC.comparisonOperator,
      evaluationPeriods: SPEC.evaluationPeriods,
      datapointsToAlarm: SPEC.datapointsToAlarm,
      treatMissingData: SPEC.treatMissingData,
    });
  });

  it('should delete alarms in calls of at most 100 names', async () => {
    // Prepare
    cloudwatchMock.on(DeleteAlarmsCommand).resolves({});
    const names = Array.from({ length: 250 }, (_, i) => `nat-optimizer-failover-${i}`);

    // Act
    await deleteAlarms(cloudwatch, names);

    // Assess
    const batches = cloudwatchMock
      .commandCalls(DeleteAlarmsCommand)
      .map((c) => c.args[0].input.AlarmNames?.length);
    expect(batches).toEqual([100, 100, 50]);
  });

  it('should send no DeleteAlarms call for an empty list', async () => {
    // Act
    await deleteAlarms(cloudwatch, []);

    // Assess
    expect(cloudwatchMock).not.toHaveReceivedCommand(DeleteAlarmsCommand);
  });

  it('should read an alarm tags as a record', async () => {
    // Prepare
    cloudwatchMock
      .on(ListTagsForResourceCommand)
      .resolves({ Tags: [{ Key: 'nat-optimizer:managed', Value: 'true' }] });

    // Act
    const tags = await alarmTags(cloudwatch, 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:x');

    // Assess
    expect(tags).toEqual({ 'nat-optimizer:managed': 'true' });
  });
});
