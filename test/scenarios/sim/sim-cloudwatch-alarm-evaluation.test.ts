// Contract: the simulated CloudWatch extracts EMF lines into metrics, evaluates metric math one period at a time
// and moves alarms as CloudWatch does (M of N, TreatMissingData, every 10 s for high-resolution alarms).
import { PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { evaluateAlarms, stateAt } from '../../../lib/sim/alarm-evaluator';
import { evaluate, parseExpression } from '../../../lib/sim/metric-math';
import { SimMetricStore } from '../../../lib/sim/metric-store';
import { exampleAccount } from './sim-ec2-fixture';

const T0 = Date.parse('2026-11-16T00:00:00Z');
const PROBE = {
  namespace: 'NatOptimizer',
  metricName: 'EgressProbeSuccess',
  dimensions: { NatGatewayId: 'nat-1' },
};

function emf(value: number, at: number, resolution?: 1): string {
  return JSON.stringify({
    _aws: {
      Timestamp: at,
      CloudWatchMetrics: [
        {
          Namespace: 'NatOptimizer',
          Dimensions: [['NatGatewayId']],
          Metrics: [
            {
              Name: 'EgressProbeSuccess',
              Unit: 'Count',
              ...(resolution ? { StorageResolution: resolution } : {}),
            },
          ],
        },
      ],
    },
    NatGatewayId: 'nat-1',
    EgressProbeSuccess: value,
  });
}

const FAST_ALARM = {
  Metrics: [
    {
      Id: 'probe',
      ReturnData: false,
      MetricStat: {
        Metric: {
          Namespace: 'NatOptimizer',
          MetricName: 'EgressProbeSuccess',
          Dimensions: [{ Name: 'NatGatewayId', Value: 'nat-1' }],
        },
        Period: 10,
        Stat: 'Average',
      },
    },
    { Id: 'failing', ReturnData: true, Expression: 'IF(FILL(probe, 1) < 0.5, 1, 0)' },
  ],
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  TreatMissingData: 'notBreaching',
} satisfies Omit<PutMetricAlarmCommandInput, 'AlarmName'>;

describe('simulated CloudWatch: metric math', () => {
  it('should keep a missing value missing through arithmetic and IF, and let FILL replace it', () => {
    const ids = (values: Record<string, number | null>) => (id: string) => values[id] ?? null;
    expect(
      evaluate(parseExpression('IF(a > 0.05 OR FILL(b, 0) > 100, 1, 0)'), ids({ a: 0.1, b: null })),
    ).toBe(1);
    expect(evaluate(parseExpression('FILL(a, 0) + FILL(b, 0)'), ids({ a: 2, b: null }))).toBe(2);
    expect(evaluate(parseExpression('a / b'), ids({ a: 1, b: null }))).toBeNull();
    expect(evaluate(parseExpression('IF(a >= 100, c / a, 0)'), ids({ a: 50, c: 5 }))).toBe(0);
    expect(evaluate(parseExpression('-a * (b - 1)'), ids({ a: 2, b: 4 }))).toBe(-6);
  });

  it('should refuse a function it does not simulate, naming it', () => {
    expect(() => evaluate(parseExpression('RATE(a)'), () => 1)).toThrow(
      'RATE() with 1 arguments is not simulated',
    );
  });
});

describe('simulated CloudWatch: EMF extraction', () => {
  it('should keep a high-resolution value to the second and a standard one per minute', () => {
    // Prepare
    const store = new SimMetricStore();

    // Act
    store.ingestEmf(emf(0, T0 + 12_345, 1), T0);
    store.ingestEmf(emf(0, T0 + 25_000), T0);

    // Assess
    expect(store.statistic(PROBE, 'SampleCount', T0 + 10_000, T0 + 20_000, T0)).toBe(1);
    expect(store.statistic(PROBE, 'SampleCount', T0, T0 + 10_000, T0)).toBe(1);
  });

  it('should extract nothing from a line that is not EMF, and nothing before it is visible', () => {
    const store = new SimMetricStore();
    expect(store.ingestEmf('{"message":"hello"}', T0)).toBe(0);
    expect(store.rejectedLines).toBe(1);
    store.ingestEmf(emf(1, T0, 1), T0 + 5000);
    expect(store.statistic(PROBE, 'Average', T0, T0 + 10_000, T0 + 4999)).toBeNull();
    expect(store.statistic(PROBE, 'Average', T0, T0 + 10_000, T0 + 5000)).toBe(1);
  });
});

describe('simulated CloudWatch: alarm evaluation', () => {
  it('should need 2 failing periods of 3, and count a silent period as healthy', () => {
    // Prepare
    const store = new SimMetricStore();
    store.ingestEmf(emf(0, T0 + 1000, 1), T0);
    store.ingestEmf(emf(0, T0 + 6000, 1), T0);

    // Act
    const oneFailing = stateAt(store, FAST_ALARM, T0 + 30_000);
    store.ingestEmf(emf(0, T0 + 11_000, 1), T0);
    const twoFailing = stateAt(store, FAST_ALARM, T0 + 30_000);

    // Assess
    expect(oneFailing).toEqual({ state: 'OK', breaching: 1, missing: 0 });
    expect(twoFailing).toEqual({ state: 'ALARM', breaching: 2, missing: 0 });
  });

  it('should go to INSUFFICIENT_DATA with no data at all when missing data is treated as missing', () => {
    const store = new SimMetricStore();
    const single = {
      MetricName: 'X',
      Namespace: 'N',
      Period: 60,
      Statistic: 'Sum',
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    };
    expect(stateAt(store, single, T0)?.state).toBe('INSUFFICIENT_DATA');
  });

  it('should evaluate a 10-second alarm every 10 seconds as the clock moves and record the change', async () => {
    // Prepare
    const { sim, clients } = await exampleAccount();
    await clients.cloudwatch.send(new PutMetricAlarmCommand({ AlarmName: 'fast', ...FAST_ALARM }));
    const evaluator = evaluateAlarms(sim);
    const changes: string[] = [];
    evaluator.onTransition((t) => changes.push(`${t.from}->${t.to}@${t.at.toISOString()}`));
    const start = sim.now().getTime();
    for (const offset of [1000, 6000, 11_000, 16_000])
      sim.metricStore.ingestEmf(emf(0, start + offset, 1), start + offset + 3000);

    // Act
    sim.advance(35);

    // Assess
    expect(changes).toEqual([
      `INSUFFICIENT_DATA->OK@${new Date(start + 10_000).toISOString()}`,
      `OK->ALARM@${new Date(start + 20_000).toISOString()}`,
    ]);
    expect(sim.state.alarms?.find((a) => a.alarmName === 'fast')?.state).toBe('ALARM');
  });
});
