import { describe, expect, it } from 'vitest';
import { ALERT_TAGS } from '../../../lib/domain/tag-keys';

import {
  ALERT_DATE,
  dailyTraffic,
  decide,
  expectedCost,
  natGateway,
  steadyThenDay,
  utcCalendar,
} from './alert-builders';

const calendar = utcCalendar();

function metricsFor(gibPerDay: Record<string, (date: string) => number>) {
  return Object.fromEntries(Object.entries(gibPerDay).map(([id, f]) => [id, dailyTraffic(calendar, f)]));
}

describe('decideAlerts: anomaly', () => {
  it('should raise an anomaly with the median of the history as baseline when the day costs more than twice it', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(500) });

    // Act
    const decision = decide([natGateway('nat-1')], metrics);

    // Assess
    expect(decision.alerts).toHaveLength(1);
    expect(decision.alerts[0]).toMatchObject({ kind: 'anomaly', natGatewayId: 'nat-1', severity: 'medium' });
    expect(decision.alerts[0]?.cost).toBeCloseTo(expectedCost(500), 5);
    expect(decision.alerts[0]?.baseline).toBeCloseTo(expectedCost(100), 5);
  });

  it('should not raise an anomaly for a day under the multiple of the baseline', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(190) });

    // Act
    const decision = decide([natGateway('nat-1')], metrics);

    // Assess
    expect(decision.alerts).toEqual([]);
  });

  it('should not page for a tiny gateway whose day stays under the minimum dollar amount', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(60, 1) });

    // Act
    const decision = decide([natGateway('nat-1')], metrics, { anomalyMinUsd: 5 });

    // Assess
    expect(expectedCost(60)).toBeLessThan(5);
    expect(decision.alerts).toEqual([]);
  });

  it('should name the traffic direction that grew as the likely cause', () => {
    // Prepare
    const metrics = { 'nat-1': dailyTraffic(calendar, steadyThenDay(500), 0.1) };

    // Act
    const decision = decide([natGateway('nat-1')], metrics);

    // Assess
    expect(decision.alerts[0]?.cause?.grew).toBe('from-destination');
  });

  it('should not check anomalies without at least three usable history days', () => {
    // Prepare
    const gateway = natGateway('nat-1', { createTime: new Date('2026-11-13T00:00:00Z') });
    const metrics = metricsFor({ 'nat-1': steadyThenDay(900) });

    // Act
    const decision = decide([gateway], metrics);

    // Assess
    expect(decision.alerts).toEqual([]);
  });
});

describe('decideAlerts: threshold', () => {
  it('should raise a threshold alert for a day above the global daily limit', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100) });

    // Act
    const decision = decide([natGateway('nat-1')], metrics, { dailyLimitUsd: 5 });

    // Assess
    expect(decision.alerts).toMatchObject([
      { kind: 'threshold', reason: 'daily-limit', limit: 5, severity: 'high' },
    ]);
  });

  it("should let the gateway's daily-budget tag override the global limit", () => {
    // Prepare
    const gateway = natGateway('nat-1', { tags: { [ALERT_TAGS.dailyBudget]: '25.50' } });
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100) });

    // Act
    const decision = decide([gateway], metrics, { dailyLimitUsd: 5 });

    // Assess
    expect(decision.alerts).toEqual([]);
  });

  it('should raise a threshold alert for a gateway above its daily-budget tag', () => {
    // Prepare
    const gateway = natGateway('nat-1', { tags: { [ALERT_TAGS.dailyBudget]: '3' } });
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100) });

    // Act
    const decision = decide([gateway], metrics);

    // Assess
    expect(decision.alerts).toMatchObject([{ kind: 'threshold', reason: 'daily-budget-tag', limit: 3 }]);
    expect(decision.alerts[0]?.excess).toBeCloseTo(expectedCost(100) - 3, 5);
  });

  it('should report a malformed budget tag naming its value and still check the others', () => {
    // Prepare
    const broken = natGateway('nat-1', { tags: { [ALERT_TAGS.dailyBudget]: '$25' } });
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100), 'nat-2': steadyThenDay(100) });

    // Act
    const decision = decide([broken, natGateway('nat-2')], metrics, { dailyLimitUsd: 1 });

    // Assess
    expect(decision.tagProblems).toEqual([
      { natGatewayId: 'nat-1', message: expect.stringContaining('"$25"') },
    ]);
    expect(decision.alerts.map((a) => a.natGatewayId)).toEqual(['nat-2']);
  });

  it('should raise one region alert when the month-end projection is above the monthly budget', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100), 'nat-2': steadyThenDay(100) });

    // Act
    const decision = decide([natGateway('nat-1'), natGateway('nat-2')], metrics, { monthlyBudgetUsd: 100 });

    // Assess
    expect(decision.alerts).toMatchObject([{ reason: 'monthly-budget', natGatewayId: null, limit: 100 }]);
    expect(decision.alerts[0]?.cost).toBeCloseTo(2 * 30 * expectedCost(100), 4);
  });

  it('should put the alert with the most dollars above its limit first among equal severities', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100), 'nat-2': steadyThenDay(300, 300) });

    // Act
    const decision = decide([natGateway('nat-1'), natGateway('nat-2')], metrics, { dailyLimitUsd: 1 });

    // Assess
    expect(decision.alerts.map((a) => a.natGatewayId)).toEqual(['nat-2', 'nat-1']);
  });
});

describe('decideAlerts: never the same alert twice', () => {
  const jumped = () => metricsFor({ 'nat-1': steadyThenDay(500) });

  it('should suppress a kind already sent for the day', () => {
    // Prepare
    const gateway = natGateway('nat-1', { tags: { [ALERT_TAGS.alerted]: `${ALERT_DATE} anomaly` } });

    // Act
    const decision = decide([gateway], jumped());

    // Assess
    expect(decision.alerts).toEqual([]);
    expect(decision.suppressed.map((a) => a.kind)).toEqual(['anomaly']);
  });

  it('should send a new kind on a day another kind was sent', () => {
    // Prepare
    const gateway = natGateway('nat-1', {
      tags: { [ALERT_TAGS.alerted]: `${ALERT_DATE} anomaly`, [ALERT_TAGS.dailyBudget]: '2' },
    });

    // Act
    const decision = decide([gateway], jumped());

    // Assess
    expect(decision.alerts.map((a) => a.kind)).toEqual(['threshold']);
    expect(decision.record).toEqual([
      { resourceIds: ['nat-1'], tags: { [ALERT_TAGS.alerted]: `${ALERT_DATE} threshold anomaly` } },
    ]);
  });

  it('should alert again on a new day', () => {
    // Prepare
    const gateway = natGateway('nat-1', { tags: { [ALERT_TAGS.alerted]: '2026-11-14 anomaly' } });

    // Act
    const decision = decide([gateway], jumped());

    // Assess
    expect(decision.alerts.map((a) => a.kind)).toEqual(['anomaly']);
    expect(decision.record).toEqual([
      { resourceIds: ['nat-1'], tags: { [ALERT_TAGS.alerted]: `${ALERT_DATE} anomaly` } },
    ]);
  });

  it('should remember the monthly budget alert on every live gateway and send it once a month', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100), 'nat-2': steadyThenDay(100) });
    const first = decide([natGateway('nat-1'), natGateway('nat-2')], metrics, { monthlyBudgetUsd: 10 });
    const tagged = [
      natGateway('nat-1'),
      natGateway('nat-2', { tags: { [ALERT_TAGS.budgetAlerted]: '2026-11' } }),
    ];

    // Act
    const second = decide(tagged, metrics, { monthlyBudgetUsd: 10 });

    // Assess
    expect(first.record).toContainEqual({
      resourceIds: ['nat-1', 'nat-2'],
      tags: { [ALERT_TAGS.budgetAlerted]: '2026-11' },
    });
    expect(second.alerts).toEqual([]);
  });
});

describe('decideAlerts: all-clear digest', () => {
  it('should call for a digest on a quiet day when it is switched on', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100) });

    // Act
    const decision = decide([natGateway('nat-1')], metrics, { allClearDigest: true });

    // Assess
    expect(decision.allClear).toBe(true);
    expect(decision.record).toEqual([
      { resourceIds: ['nat-1'], tags: { [ALERT_TAGS.allClearSent]: ALERT_DATE } },
    ]);
  });

  it('should send nothing on a quiet day by default', () => {
    // Prepare
    const metrics = metricsFor({ 'nat-1': steadyThenDay(100) });

    // Act
    const decision = decide([natGateway('nat-1')], metrics);

    // Assess
    expect(decision).toMatchObject({ alerts: [], allClear: false, record: [] });
  });
});
