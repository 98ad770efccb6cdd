import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  allowedActions,
  expectOwnTagsOnNatGatewaysOnly,
  packagedArtifacts,
  packagedTemplate,
  resourcesOfType,
  roleStatements,
} from './packaged-template';

const FUNCTION = 'CostAlertLambdaFunction';
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource', 'logs:PutLogEvents'];

describe('packaged template: daily cost alert', () => {
  it('should run the cost-alert handler on Node 22 arm64, one invocation at a time', () => {
    // Act
    const fn = packagedTemplate().Resources[FUNCTION];

    // Assess
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'handlers/cost-alert.handler',
      ReservedConcurrentExecutions: 1,
    });
  });

  it('should trigger it from a daily EventBridge cron taken from a stage parameter', () => {
    // Act
    const rules = resourcesOfType(packagedTemplate(), 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties?.Targets).includes(FUNCTION),
    );

    // Assess
    expect(rules).toHaveLength(1);
    expect(rules[0]?.[1].Properties?.ScheduleExpression).toBe('cron(30 1 * * ? *)');
  });

  it('should pass the thresholds and the report topic in its environment', () => {
    // Act
    const environment = packagedTemplate().Resources[FUNCTION]?.Properties?.Environment;

    // Assess
    expect(environment).toMatchObject({
      Variables: {
        NAT_OPTIMIZER_TOPIC_ARN: { Ref: 'ReportTopic' },
        NAT_OPTIMIZER_ANOMALY_MULTIPLIER: '2',
        NAT_OPTIMIZER_ANOMALY_MIN_USD: '5',
        NAT_OPTIMIZER_ANOMALY_HISTORY_DAYS: '14',
        NAT_OPTIMIZER_ALL_CLEAR_DIGEST: 'false',
        NAT_OPTIMIZER_DAILY_LIMIT_USD: '',
        NAT_OPTIMIZER_MONTHLY_BUDGET_USD: '',
      },
    });
  });

  it('should publish to the report topic that the template creates', () => {
    // Act
    const template = packagedTemplate();

    // Assess
    expect(template.Resources.ReportTopic?.Type).toBe('AWS::SNS::Topic');
  });

  it('should grant only EC2 and CloudWatch reads, its own tags, publishing and events', () => {
    // Act
    const actions = [...allowedActions(packagedTemplate(), FUNCTION).keys()].filter(
      (a) => !LOG_ACTIONS.includes(a),
    );

    // Assess
    expect(actions.sort()).toEqual(
      [
        'cloudwatch:GetMetricData',
        'ec2:CreateTags',
        'ec2:DescribeAddresses',
        'ec2:DescribeNatGateways',
        'ec2:DescribePrefixLists',
        'ec2:DescribeRouteTables',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcEndpoints',
        'ec2:DescribeVpcs',
        'events:PutEvents',
        'pricing:GetProducts',
        'sns:Publish',
      ].sort(),
    );
  });

  it('should allow sns:Publish on the report topic only', () => {
    // Act
    const publish = roleStatements(packagedTemplate(), FUNCTION).filter((s) =>
      actionsOf(s).includes('sns:Publish'),
    );

    // Assess
    expect(publish.map((s) => [actionsOf(s), s.Resource])).toEqual([
      [['sns:Publish'], { Ref: 'ReportTopic' }],
    ]);
  });

  it('should let it tag only NAT gateways and only with nat-optimizer keys', () => {
    expectOwnTagsOnNatGatewaysOnly(FUNCTION);
  });

  it('should let it put events on the configured bus only', () => {
    // Act
    const statements = allowedActions(packagedTemplate(), FUNCTION).get('events:PutEvents') ?? [];

    // Assess
    expect(JSON.stringify(statements.map((s) => s.Resource))).toContain(':event-bus/default');
  });

  it('should package it on its own, under 1 MB zipped', () => {
    // Act
    const artifact = packagedArtifacts().find((a) => a.name === 'costAlert.zip');

    // Assess
    expect(artifact?.bytes).toBeGreaterThan(0);
    expect(artifact?.bytes).toBeLessThan(1024 * 1024);
  });
});
