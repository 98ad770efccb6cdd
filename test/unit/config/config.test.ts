import { describe, expect, it } from 'vitest';
import { buildFullConfig, ConfigError } from '../../../lib/config';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../lib/domain/analysis/analysis-settings';
import { GIB } from '../../../lib/domain/pricing/cost-model';

const REGION = { AWS_REGION: 'us-east-1' };
function configError(env: Record<string, string>): ConfigError {
  try {
    buildFullConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('buildFullConfig', () => {
  it('should use the documented defaults when only the region is set', () => {
    // Act
    const config = buildFullConfig(REGION);

    // Assess
    expect(config.core).toEqual({
      region: 'us-east-1',
      eventBusName: 'default',
      maxAttempts: 5,
      connectTimeoutMs: 3000,
      requestTimeoutMs: 8000,
    });
    expect(config.pricing).toEqual({ overrides: {}, refresh: false });
    expect(config.analysis).toEqual({
      windowDays: 14,
      settings: DEFAULT_ANALYSIS_SETTINGS,
    });
  });

  it('should freeze the configuration', () => {
    // Act
    const config = buildFullConfig(REGION);

    // Assess
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('should refuse a missing AWS_REGION, naming it', () => {
    // Act
    const error = configError({});

    // Assess
    expect(error.message).toBe('AWS_REGION environment variable is not set');
  });

  it('should read every analysis setting from its variable', () => {
    // Act
    const config = buildFullConfig({
      ...REGION,
      NAT_OPTIMIZER_TOPIC_ARN: 'arn:aws:sns:us-east-1:111122223333:nat-optimizer',
      NAT_OPTIMIZER_EVENT_BUS: 'ops',
      NAT_OPTIMIZER_TIMEZONE: 'Europe/Berlin',
      NAT_OPTIMIZER_MAX_ATTEMPTS: '8',
      NAT_OPTIMIZER_CONNECT_TIMEOUT_MS: '2000',
      NAT_OPTIMIZER_REQUEST_TIMEOUT_MS: '20000',
      NAT_OPTIMIZER_ANALYSIS_DAYS: '28',
      NAT_OPTIMIZER_REFRESH_PRICES: 'true',
      NAT_OPTIMIZER_IDLE_GIB: '2.5',
      NAT_OPTIMIZER_QUIET_FRACTION: '0.1',
      NAT_OPTIMIZER_MIN_PARKED_HOURS: '60',
      NAT_OPTIMIZER_PORT_ERRORS_THRESHOLD: '10',
      NAT_OPTIMIZER_DROP_RATIO_THRESHOLD: '0.001',
    });

    // Assess
    expect(config.core).toEqual({
      region: 'us-east-1',
      topicArn: 'arn:aws:sns:us-east-1:111122223333:nat-optimizer',
      eventBusName: 'ops',
      maxAttempts: 8,
      connectTimeoutMs: 2000,
      requestTimeoutMs: 20000,
    });
    expect(config.pricing.refresh).toBe(true);
    expect(config.schedule.settings.defaultTimezone).toBe('Europe/Berlin');
    expect(config.analysis).toMatchObject({
      windowDays: 28,
      settings: {
        idleBytesThreshold: 2.5 * GIB,
        offHoursQuietFraction: 0.1,
        offHoursMinSavingHours: 60,
        offHoursTimezone: 'Europe/Berlin',
        portAllocationErrorThreshold: 10,
        packetDropRatioThreshold: 0.001,
      },
    });
  });

  it('should parse price overrides per region, a field alone included', () => {
    // Act
    const config = buildFullConfig({
      ...REGION,
      NAT_OPTIMIZER_PRICE_OVERRIDES:
        '{"eu-west-1":{"natGatewayHourly":0.048,"natGatewayPerGb":0.048},"sa-east-1":{"natGatewayPerGb":0.093}}',
    });

    // Assess
    expect(config.pricing.overrides).toEqual({
      'eu-west-1': { natGatewayHourly: 0.048, natGatewayPerGb: 0.048 },
      'sa-east-1': { natGatewayPerGb: 0.093 },
    });
  });

  it('should treat an empty variable as unset', () => {
    // Act
    const config = buildFullConfig({
      ...REGION,
      NAT_OPTIMIZER_ANALYSIS_DAYS: ' ',
      NAT_OPTIMIZER_TOPIC_ARN: '',
    });

    // Assess
    expect(config.analysis.windowDays).toBe(14);
    expect(config.core.topicArn).toBeUndefined();
  });

  it.each([
    ['AWS_REGION', 'US East'],
    ['NAT_OPTIMIZER_TOPIC_ARN', 'nat-optimizer-topic'],
    ['NAT_OPTIMIZER_EVENT_BUS', 'ops bus!'],
    ['NAT_OPTIMIZER_TIMEZONE', 'Mars/Olympus_Mons'],
    ['NAT_OPTIMIZER_MAX_ATTEMPTS', '0'],
    ['NAT_OPTIMIZER_MAX_ATTEMPTS', '2.5'],
    ['NAT_OPTIMIZER_CONNECT_TIMEOUT_MS', '0'],
    ['NAT_OPTIMIZER_REQUEST_TIMEOUT_MS', 'forever'],
    ['NAT_OPTIMIZER_ANALYSIS_DAYS', 'fortnight'],
    ['NAT_OPTIMIZER_ANALYSIS_DAYS', '90'],
    ['NAT_OPTIMIZER_REFRESH_PRICES', 'Sometimes'],
    ['NAT_OPTIMIZER_IDLE_GIB', '-1'],
    ['NAT_OPTIMIZER_QUIET_FRACTION', '1.5'],
    ['NAT_OPTIMIZER_MIN_PARKED_HOURS', '200'],
    ['NAT_OPTIMIZER_PORT_ERRORS_THRESHOLD', 'many'],
    ['NAT_OPTIMIZER_DROP_RATIO_THRESHOLD', '2'],
    ['NAT_OPTIMIZER_PRICE_OVERRIDES', '{eu-west-1: 0.048}'],
    ['NAT_OPTIMIZER_PRICE_OVERRIDES', '{"Ireland":{"natGatewayHourly":0.048}}'],
    ['NAT_OPTIMIZER_PRICE_OVERRIDES', '{"eu-west-1":{"natGatewayHourly":-0.048}}'],
    ['NAT_OPTIMIZER_PRICE_OVERRIDES', '{"eu-west-1":{"natGatewayHourly":"0.048"}}'],
    ['NAT_OPTIMIZER_PRICE_OVERRIDES', '{"eu-west-1":{"hourly":0.048}}'],
  ])('should refuse %s=%s with a ConfigError naming the variable and the value', (name, value) => {
    // Act
    const error = configError({ ...REGION, [name]: value });

    // Assess
    expect(error.message).toContain(name);
    expect(error.message).toContain(value);
  });

  it('should say what is wrong inside a price override', () => {
    // Act
    const error = configError({
      ...REGION,
      NAT_OPTIMIZER_PRICE_OVERRIDES: '{"eu-west-1":{"natGatewayHourly":-0.048}}',
    });

    // Assess
    expect(error.message).toContain('eu-west-1.natGatewayHourly: must be a positive number');
  });
});
