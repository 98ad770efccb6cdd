// The EventBridge event CloudWatch sends when an alarm changes state (source aws.cloudwatch, detail-type
// "CloudWatch Alarm State Change"), built from a simulated alarm: what the failover function's rule delivers.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
import { ALARM_DETAIL_TYPE, type AlarmStateChangeEvent } from '../domain/failover/failover-event';
import { type AlarmTransition, alarmDefinition, queriesOf } from './alarm-evaluator';
import type { SimAccount } from './sim-account';

export function alarmStateChangeEvent(sim: SimAccount, transition: AlarmTransition): AlarmStateChangeEvent {
  const alarm = sim.state.alarms?.find((a) => a.alarmName === transition.alarmName);
  const parsed = alarmDefinition.safeParse(alarm?.definition);
  const queries = parsed.success ? queriesOf(parsed.data) : [];
  const at = transition.at.toISOString();
  const { accountId, region } = sim.state;
  return {
    'detail-type': ALARM_DETAIL_TYPE,
    source: 'aws.cloudwatch',
    account: accountId,
    region,
    time: at,
    resources: [`arn:aws:cloudwatch:${region}:${accountId}:alarm:${transition.alarmName}`],
    detail: {
      alarmName: transition.alarmName,
      state: { value: transition.to, reason: transition.reason, timestamp: at },
      previousState: { value: transition.from, reason: 'simulated', timestamp: at },
      configuration: {
        metrics: queries.map((q) => ({
          id: q.Id,
          returnData: q.ReturnData ?? true,
          ...(q.Expression !== undefined ? { expression: q.Expression } : {}),
          ...(q.MetricStat
            ? {
                metricStat: {
                  metric: {
                    namespace: q.MetricStat.Metric.Namespace,
                    name: q.MetricStat.Metric.MetricName,
                    dimensions: Object.fromEntries(
                      (q.MetricStat.Metric.Dimensions ?? []).map((d) => [d.Name, d.Value]),
                    ),
                  },
                  period: q.MetricStat.Period,
                  stat: q.MetricStat.Stat,
                },
              }
            : {}),
        })),
      },
    },
  };
}
