import { describe, expect, it } from 'vitest';
import { regionalGateway } from '../analysis/analysis-builders';
import { costsOf, dailyTraffic, expectedCost, steadyThenDay, utcCalendar } from './alert-builders';

const PER_AZ_HOUR = 0.045;

describe('daily cost of a regional NAT gateway', () => {
  it('should bill each hour of the day once per AZ the gateway is configured in', () => {
    const calendar = utcCalendar();
    const metrics = { 'nat-r': dailyTraffic(calendar, steadyThenDay(500)) };
    const gateway = regionalGateway('nat-r', {
      'us-east-1a': ['eipalloc-a'],
      'us-east-1b': ['eipalloc-b'],
      'us-east-1c': ['eipalloc-c'],
    });

    const [cost] = costsOf([gateway], metrics, calendar);

    expect(cost?.day.billedHours).toBe(24);
    expect(cost?.day.cost.hourly).toBeCloseTo(24 * 3 * PER_AZ_HOUR, 6);
    expect(cost?.day.cost.total).toBeCloseTo(expectedCost(500) + 24 * 2 * PER_AZ_HOUR, 6);
  });
});
