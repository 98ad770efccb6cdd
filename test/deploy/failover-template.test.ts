import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  type CfnResource,
  packagedTemplate,
  resourcesOfType,
  roleStatements,
} from './packaged-template';

const FUNCTION = 'FailoverLambdaFunction';
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource', 'logs:PutLogEvents'];

function rulesTargeting(functionId: string): CfnResource[] {
  return resourcesOfType(packagedTemplate(), 'AWS::Events::Rule')
    .filter(([, rule]) => JSON.stringify(rule.Properties?.Targets).includes(functionId))
    .map(([, rule]) => rule);
}

function statement(sid: string) {
  return roleStatements(packagedTemplate(), FUNCTION).find((s) => s.Sid === sid);
}

describe('packaged template: failover', () => {
  it('should invoke failover on state changes of the optimizer alarms only', () => {
    // Act
    const patterns = rulesTargeting(FUNCTION).flatMap((rule) => rule.Properties?.EventPattern ?? []);

    // Assess
    expect(patterns).toEqual([
      {
        source: ['aws.cloudwatch'],
        'detail-type': ['CloudWatch Alarm State Change'],
        detail: { alarmName: [{ prefix: 'nat-optimizer-failover-' }] },
      },
    ]);
  });

  it('should also run failover every 5 minutes for the recheck', () => {
    // Act
    const schedules = rulesTargeting(FUNCTION).flatMap((rule) => rule.Properties?.ScheduleExpression ?? []);

    // Assess
    expect(schedules).toEqual(['rate(5 minutes)']);
  });

  it('should run one failover at a time and send events it gave up on to an SQS queue', () => {
    // Prepare
    const template = packagedTemplate();

    // Act
    const fn = template.Resources[FUNCTION];
    const invokeConfig = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig').find(([, r]) =>
      JSON.stringify(r.Properties?.FunctionName).includes(FUNCTION),
    );

    // Assess
    expect(fn?.Properties?.ReservedConcurrentExecutions).toBe(1);
    expect(invokeConfig?.[1].Properties?.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': ['FailoverFailedEventsQueue', 'Arn'] } },
    });
    expect(template.Resources.FailoverFailedEventsQueue?.Type).toBe('AWS::SQS::Queue');
    expect(allowedActions(template, FUNCTION).has('sqs:SendMessage')).toBe(true);
  });

  it('should allow exactly the actions failover needs', () => {
    // Act
    const actions = [...allowedActions(packagedTemplate(), FUNCTION).keys()].filter(
      (a) => !LOG_ACTIONS.includes(a),
    );

    // Assess
    expect(actions.sort()).toEqual(
      [
        'cloudwatch:DeleteAlarms',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:ListTagsForResource',
        'cloudwatch:PutMetricAlarm',
        'cloudwatch:TagResource',
        'ec2:AllocateAddress',
        'ec2:CreateNatGateway',
        'ec2:CreateRoute',
        'ec2:CreateTags',
        'ec2:DeleteNatGateway',
        'ec2:DeleteTags',
        'ec2:DescribeAddresses',
        'ec2:DescribeNatGateways',
        'ec2:DescribeRouteTables',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
        'ec2:ReplaceRoute',
        'events:PutEvents',
        'sns:Publish',
        'sqs:SendMessage',
      ].sort(),
    );
  });

  it('should allow ReplaceRoute on route tables only', () => {
    // Act
    const routes = allowedActions(packagedTemplate(), FUNCTION).get('ec2:ReplaceRoute') ?? [];

    // Assess
    expect(routes.map((s) => JSON.stringify(s.Resource))).toEqual([
      expect.stringMatching(/:route-table\/\*"\}$/),
    ]);
  });

  it('should let failover write only its own tags on route tables, and never delete tags without keys', () => {
    // Act
    const tags = statement('RecordFailoverOnRouteTables');

    // Assess
    expect(tags?.Condition).toEqual({
      'ForAllValues:StringLike': { 'aws:TagKeys': 'nat-optimizer:failover-*' },
      Null: { 'aws:TagKeys': 'false' },
    });
  });

  it('should limit alarm changes to alarms under the optimizer prefix', () => {
    // Act
    const alarms = statement('SyncOwnAlarms');

    // Assess
    expect(JSON.stringify(alarms?.Resource)).toContain(':alarm:nat-optimizer-failover-*');
  });

  it('should delete only its own emergency gateways', () => {
    // Act
    const deletes = allowedActions(packagedTemplate(), FUNCTION).get('ec2:DeleteNatGateway') ?? [];

    // Assess
    expect(deletes.map((s) => s.Condition)).toEqual([
      {
        StringEquals: { 'aws:ResourceTag/nat-optimizer:managed': 'true' },
        Null: { 'aws:ResourceTag/nat-optimizer:emergency-for': 'false' },
      },
    ]);
  });

  it('should put events on the configured bus only', () => {
    // Act
    const puts = allowedActions(packagedTemplate(), FUNCTION).get('events:PutEvents') ?? [];

    // Assess
    expect(puts.map((s) => JSON.stringify(s.Resource))).toEqual([
      expect.stringContaining(':event-bus/default'),
    ]);
  });

  it('should attach the egress probe to subnets only when they are given, with its schedule off otherwise', () => {
    // Prepare
    const template = packagedTemplate();

    // Act
    const probe = template.Resources.EgressProbeLambdaFunction?.Properties?.VpcConfig;
    const schedule = template.Resources.EgressProbeEventsRuleSchedule1?.Properties;

    // Assess
    expect(JSON.stringify(probe)).toContain('"Fn::If":["HasEgressProbe"');
    expect(schedule?.State).toEqual({ 'Fn::If': ['HasEgressProbe', 'ENABLED', 'DISABLED'] });
    expect(schedule?.ScheduleExpression).toBe('rate(1 minute)');
  });

  it('should give the probe a minute to loop through its checks, every 5 s by default', () => {
    // Act
    const probe = packagedTemplate().Resources.EgressProbeLambdaFunction?.Properties;

    // Assess
    expect(probe?.Timeout).toBe(62);
    expect(probe?.Environment).toMatchObject({
      Variables: { NAT_OPTIMIZER_EGRESS_PROBE_INTERVAL_SECONDS: '5' },
    });
  });

  it('should tell the functions that sync alarms which VPCs and gateways get fast detection', () => {
    // Act
    const environment = packagedTemplate().Resources[FUNCTION]?.Properties?.Environment;

    // Assess
    expect(environment).toMatchObject({
      Variables: {
        NAT_OPTIMIZER_FAST_DETECTION: '',
        NAT_OPTIMIZER_FAST_DETECTION_PERIOD_SECONDS: '10',
        NAT_OPTIMIZER_FAST_DETECTION_EVALUATION_PERIODS: '3',
        NAT_OPTIMIZER_FAST_DETECTION_DATAPOINTS_TO_ALARM: '2',
      },
    });
  });
});
