// The simulated CloudWatch alarms answer like CloudWatch: paging, validation, errors, state kept on update.
import {
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  TagResourceCommand,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { applyAlarmStateChange } from '../../../lib/sim/alarms';
import { failoverAccount } from './failover-fixture';

function simpleAlarm(name: string) {
  return new PutMetricAlarmCommand({
    AlarmName: name,
    Namespace: 'AWS/NATGateway',
    MetricName: 'PacketsDropCount',
    Dimensions: [{ Name: 'NatGatewayId', Value: 'nat-0aaaaaaaaaaaaaaaa' }],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  });
}

describe('simulated CloudWatch alarms', () => {
  it('should page DescribeAlarms by MaxRecords and NextToken, in name order', async () => {
    // Prepare
    const { clients } = await failoverAccount();
    for (const name of ['c', 'a', 'b'])
      await clients.cloudwatch.send(simpleAlarm(`nat-optimizer-failover-${name}`));

    // Act
    const first = await clients.cloudwatch.send(new DescribeAlarmsCommand({ MaxRecords: 2 }));
    const second = await clients.cloudwatch.send(
      new DescribeAlarmsCommand({ MaxRecords: 2, NextToken: first.NextToken }),
    );

    // Assess
    expect(first.MetricAlarms?.map((a) => a.AlarmName)).toEqual([
      'nat-optimizer-failover-a',
      'nat-optimizer-failover-b',
    ]);
    expect(second.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['nat-optimizer-failover-c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('should start a new alarm in INSUFFICIENT_DATA and keep its state when it is updated', async () => {
    // Prepare
    const account = await failoverAccount();
    await account.clients.cloudwatch.send(simpleAlarm('x'));
    applyAlarmStateChange(account.sim, {
      alarmName: 'x',
      natGatewayId: '',
      state: 'ALARM',
      at: account.sim.now(),
    });

    // Act
    await account.clients.cloudwatch.send(simpleAlarm('x'));

    // Assess
    const described = await account.clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['x'] }));
    expect(described.MetricAlarms?.[0]?.StateValue).toBe('ALARM');
  });

  it('should refuse a metric-math alarm with two returned metrics', async () => {
    // Prepare
    const { clients } = await failoverAccount();

    // Act
    const put = clients.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: 'bad',
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [
          { Id: 'a', Expression: '1', ReturnData: true },
          { Id: 'b', Expression: '2', ReturnData: true },
        ],
      }),
    );

    // Assess
    await expect(put).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('should answer ResourceNotFound when deleting an alarm that does not exist', async () => {
    // Prepare
    const { clients } = await failoverAccount();

    // Act
    const deleted = clients.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['missing'] }));

    // Assess
    await expect(deleted).rejects.toMatchObject({ name: 'ResourceNotFound' });
  });

  it('should answer ResourceNotFoundException when tagging an unknown alarm', async () => {
    // Prepare
    const { clients } = await failoverAccount();

    // Act
    const tagged = clients.cloudwatch.send(
      new TagResourceCommand({
        ResourceARN: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:missing',
        Tags: [],
      }),
    );

    // Assess
    await expect(tagged).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('should not roll an alarm back to the state of an older event', async () => {
    // Prepare
    const account = await failoverAccount();
    await account.clients.cloudwatch.send(simpleAlarm('x'));
    applyAlarmStateChange(account.sim, {
      alarmName: 'x',
      natGatewayId: '',
      state: 'OK',
      at: new Date('2026-11-16T00:10:00Z'),
    });

    // Act
    const applied = applyAlarmStateChange(account.sim, {
      alarmName: 'x',
      natGatewayId: '',
      state: 'ALARM',
      at: new Date('2026-11-16T00:05:00Z'),
    });

    // Assess
    expect(applied).toBe(false);
    expect(account.sim.state.alarms?.[0]?.state).toBe('OK');
  });
});
