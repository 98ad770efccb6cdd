import { describe, expect, it } from 'vitest';
import { buildFullConfig, ConfigError } from '../../../lib/config';

const BASE = { AWS_REGION: 'us-east-1' };

describe('endpoints configuration', () => {
  it('should leave attribution off and keep flow logs 30 days by default', () => {
    // Act
    const { endpoints } = buildFullConfig(BASE);

    // Assess
    expect(endpoints).toEqual({
      flowLogRetentionDays: 30,
      flowLogQueryTimeoutSeconds: 180,
      autoApply: false,
    });
  });

  it('should read the log group, delivery role and organisation', () => {
    // Act
    const { endpoints } = buildFullConfig({
      ...BASE,
      NAT_OPTIMIZER_FLOW_LOG_GROUP: '/nat-optimizer/prod/nat-flow-logs',
      NAT_OPTIMIZER_FLOW_LOG_ROLE_ARN: 'arn:aws:iam::111122223333:role/nat-optimizer-flow-logs',
      NAT_OPTIMIZER_ORG_ID: 'o-a1b2c3d4e5',
    });

    // Assess
    expect(endpoints).toMatchObject({
      flowLogGroupName: '/nat-optimizer/prod/nat-flow-logs',
      flowLogRoleArn: 'arn:aws:iam::111122223333:role/nat-optimizer-flow-logs',
      organizationId: 'o-a1b2c3d4e5',
    });
  });

  it('should refuse a retention CloudWatch Logs does not offer', () => {
    // Act
    const build = () => buildFullConfig({ ...BASE, NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS: '20' });

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS must be one of 1, 3, 5, 7, 14, 30/);
  });

  it('should refuse a retention shorter than the analysis window', () => {
    // Act
    const build = () =>
      buildFullConfig({
        ...BASE,
        NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS: '7',
        NAT_OPTIMIZER_ANALYSIS_DAYS: '14',
      });

    // Assess
    expect(build).toThrow(
      'NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS (7) must cover the analysis window of 14 days',
    );
  });

  it('should refuse a delivery role that is not a role ARN', () => {
    // Act
    const build = () => buildFullConfig({ ...BASE, NAT_OPTIMIZER_FLOW_LOG_ROLE_ARN: 'nat-flow-logs' });

    // Assess
    expect(build).toThrow('NAT_OPTIMIZER_FLOW_LOG_ROLE_ARN must be an IAM role ARN, got "nat-flow-logs"');
  });

  it('should turn on endpoint auto-apply with its own policy', () => {
    // Prepare
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
    });

    // Act
    const { endpoints } = buildFullConfig({
      ...BASE,
      NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS: 'true',
      NAT_OPTIMIZER_ENDPOINT_POLICY: policy,
    });

    // Assess
    expect(endpoints).toMatchObject({ autoApply: true });
    expect(JSON.parse(endpoints.autoApplyPolicy ?? '{}').Statement[0].Action).toBe('s3:*');
  });

  it('should refuse an auto-apply switch that is not true or false', () => {
    // Act
    const build = () => buildFullConfig({ ...BASE, NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS: 'maybe' });

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS must be true or false, got "maybe"');
  });

  it('should refuse an endpoint policy that is not JSON, naming the variable', () => {
    // Act
    const build = () => buildFullConfig({ ...BASE, NAT_OPTIMIZER_ENDPOINT_POLICY: '{not json' });

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/^NAT_OPTIMIZER_ENDPOINT_POLICY is not JSON/);
  });
});
