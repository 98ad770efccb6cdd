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

const FUNCTION = 'AnalyzeLambdaFunction';

describe('packaged template: nightly analysis', () => {
  it('should run analyze on Node 22 arm64 with the bundled handler', () => {
    const fn = packagedTemplate().Resources[FUNCTION];
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'handlers/analyze.handler',
    });
  });

  it('should trigger analyze from a nightly EventBridge cron', () => {
    const rules = resourcesOfType(packagedTemplate(), 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties?.Targets).includes(FUNCTION),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]?.[1].Properties?.ScheduleExpression).toBe('cron(0 2 * * ? *)');
  });

  it('should create the report topic and subscribe the email only when one is configured', () => {
    const template = packagedTemplate();
    expect(template.Resources.ReportTopic?.Type).toBe('AWS::SNS::Topic');
    expect(template.Resources.ReportEmailSubscription?.Condition).toBe('HasAlertEmail');
    expect(JSON.stringify(template.Conditions?.HasAlertEmail)).toContain('""');
  });

  it('should keep the function logs for the configured retention', () => {
    const groups = resourcesOfType(packagedTemplate(), 'AWS::Logs::LogGroup');
    const analyzeLogs = groups.find(([id]) => id === 'AnalyzeLogGroup');
    expect(analyzeLogs?.[1].Properties?.RetentionInDays).toBe(30);
  });

  it('should grant analyze only reads, its own tags, its own alarms, flow-log queries and its topic', () => {
    const actions = [...allowedActions(packagedTemplate(), FUNCTION).keys()].sort();
    const logs = ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource', 'logs:PutLogEvents'];
    expect(actions.filter((a) => !logs.includes(a))).toEqual(
      [
        'cloudwatch:DeleteAlarms',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:GetMetricData',
        'cloudwatch:ListTagsForResource',
        'cloudwatch:PutMetricAlarm',
        'cloudwatch:TagResource',
        'ec2:CreateTags',
        'ec2:DescribeFlowLogs',
        'ec2:GetManagedPrefixListEntries',
        'ec2:DescribeAddresses',
        'ec2:DescribeNatGateways',
        'ec2:DescribePrefixLists',
        'ec2:DescribeRouteTables',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcEndpoints',
        'ec2:DescribeVpcs',
        'logs:GetQueryResults',
        'logs:StartQuery',
        'logs:StopQuery',
        'pricing:GetProducts',
        'sns:Publish',
      ].sort(),
    );
  });

  it('should let analyze tag only NAT gateways and only with nat-optimizer keys', () => {
    expectOwnTagsOnNatGatewaysOnly(FUNCTION);
  });

  it('should let analyze change only the failover alarms under the optimizer prefix', () => {
    const allowed = allowedActions(packagedTemplate(), FUNCTION);
    for (const action of ['cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:TagResource']) {
      const resources = (allowed.get(action) ?? []).map((s) => JSON.stringify(s.Resource));
      expect(resources).toEqual([expect.stringContaining(':alarm:nat-optimizer-failover-*')]);
    }
  });

  it('should let analyze start Logs Insights queries on the flow-log group only', () => {
    const statements = allowedActions(packagedTemplate(), FUNCTION).get('logs:StartQuery') ?? [];
    expect(statements.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': ['NatFlowLogGroup', 'Arn'] }]);
  });

  it('should let analyze publish to the report topic only', () => {
    const publish = roleStatements(packagedTemplate(), FUNCTION).filter((s) =>
      actionsOf(s).includes('sns:Publish'),
    );
    expect(publish.map((s) => s.Resource)).toEqual([{ Ref: 'ReportTopic' }]);
  });

  it('should package analyze on its own, under 1 MB zipped', () => {
    const analyze = packagedArtifacts().find((a) => a.name === 'analyze.zip');
    expect(analyze?.bytes).toBeGreaterThan(0);
    expect(analyze?.bytes).toBeLessThan(1024 * 1024);
  });
});

describe('packaged template: opt-in endpoint creation by the nightly run', () => {
  it('should attach the endpoint-creation policy to the analyze role only when autoApplyEndpoints is true', () => {
    const template = packagedTemplate();
    const policy = template.Resources.AnalyzeEndpointAutoApplyPolicy;
    expect(policy?.Condition).toBe('AutoApplyEndpoints');
    expect(policy?.Properties?.Roles).toEqual([{ Ref: 'AnalyzeIamRoleLambdaExecution' }]);
    expect(template.Conditions?.AutoApplyEndpoints).toEqual({ 'Fn::Equals': ['false', 'true'] });
  });

  it('should not give the analyze role itself any right to create endpoints', () => {
    const actions = [...allowedActions(packagedTemplate(), FUNCTION).keys()];
    expect(actions).not.toContain('ec2:CreateVpcEndpoint');
  });
});
