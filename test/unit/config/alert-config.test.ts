import { describe, expect, it } from 'vitest';
import { buildFullConfig, ConfigError } from '../../../lib/config';

const BASE = { AWS_REGION: 'us-east-1' };

describe('alert configuration', () => {
  it('should default to UTC days, 2x the median of 14 days, $5 minimum, no limits and no digest', () => {
    // Act
    const { settings } = buildFullConfig(BASE).alert;

    // Assess
    expect(settings).toEqual({
      timezone: 'UTC',
      anomalyMultiplier: 2,
      anomalyMinUsd: 5,
      historyDays: 14,
      allClearDigest: false,
    });
  });

  it('should read every threshold from its variable', () => {
    // Act
    const { settings } = buildFullConfig({
      ...BASE,
      NAT_OPTIMIZER_DAILY_LIMIT_USD: '40',
      NAT_OPTIMIZER_MONTHLY_BUDGET_USD: '2500.50',
      NAT_OPTIMIZER_ANOMALY_MULTIPLIER: '3',
      NAT_OPTIMIZER_ANOMALY_MIN_USD: '10',
      NAT_OPTIMIZER_ANOMALY_HISTORY_DAYS: '7',
      NAT_OPTIMIZER_ALL_CLEAR_DIGEST: 'true',
      NAT_OPTIMIZER_ALERT_TIMEZONE: 'Europe/Berlin',
    }).alert;

    // Assess
    expect(settings).toEqual({
      timezone: 'Europe/Berlin',
      dailyLimitUsd: 40,
      monthlyBudgetUsd: 2500.5,
      anomalyMultiplier: 3,
      anomalyMinUsd: 10,
      historyDays: 7,
      allClearDigest: true,
    });
  });

  it('should take the days of the default time zone when no alert zone is set', () => {
    // Act
    const { settings } = buildFullConfig({ ...BASE, NAT_OPTIMIZER_TIMEZONE: 'America/New_York' }).alert;

    // Assess
    expect(settings.timezone).toBe('America/New_York');
  });

  it.each([
    ['NAT_OPTIMIZER_DAILY_LIMIT_USD', 'fifty'],
    ['NAT_OPTIMIZER_DAILY_LIMIT_USD', '0'],
    ['NAT_OPTIMIZER_MONTHLY_BUDGET_USD', '-100'],
    ['NAT_OPTIMIZER_ANOMALY_MULTIPLIER', '0.5'],
    ['NAT_OPTIMIZER_ANOMALY_MIN_USD', 'five'],
    ['NAT_OPTIMIZER_ANOMALY_HISTORY_DAYS', '2.5'],
    ['NAT_OPTIMIZER_ANOMALY_HISTORY_DAYS', '90'],
    ['NAT_OPTIMIZER_ALL_CLEAR_DIGEST', 'sometimes'],
    ['NAT_OPTIMIZER_ALERT_TIMEZONE', 'Mars/Olympus'],
  ])('should refuse %s=%s with an error naming both', (name, value) => {
    // Act
    const attempt = () => buildFullConfig({ ...BASE, [name]: value });

    // Assess
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${name}.*"${value.replace('.', '\\.')}"`));
  });
});
