import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  allowedActions,
  packagedArtifacts,
  packagedTemplate,
  resourcesOfType,
  roleStatements,
} from './packaged-template';

const FUNCTION = 'ScheduleLambdaFunction';

function statementsFor(action: string) {
  return allowedActions(packagedTemplate(), FUNCTION).get(action) ?? [];
}

describe('packaged template: off-hours scheduler', () => {
  it('should run one scheduler at a time, with a five-minute timeout', () => {
    // Act
    const fn = packagedTemplate().Resources[FUNCTION];

    // Assess
    expect(fn?.Properties).toMatchObject({
      Handler: 'handlers/schedule.handler',
      ReservedConcurrentExecutions: 1,
      Timeout: 300,
      Runtime: 'nodejs22.x',
    });
  });

  it('should trigger the scheduler every five minutes by default', () => {
    // Act
    const rules = resourcesOfType(packagedTemplate(), 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties?.Targets).includes(FUNCTION),
    );

    // Assess
    expect(rules.map(([, rule]) => rule.Properties?.ScheduleExpression)).toEqual(['rate(5 minutes)']);
  });

  it('should pass the lead, holidays and traffic guard settings to the function', () => {
    // Act
    const environment = packagedTemplate().Resources[FUNCTION]?.Properties?.Environment;

    // Assess
    expect(environment).toMatchObject({
      Variables: {
        NAT_OPTIMIZER_UNPARK_LEAD_MINUTES: '10',
        NAT_OPTIMIZER_HOLIDAYS: '',
        NAT_OPTIMIZER_PARK_GUARD_BYTES: '',
        NAT_OPTIMIZER_PARK_GUARD_MINUTES: '15',
        NAT_OPTIMIZER_PARK_GUARD_MAX_POSTPONES: '12',
      },
    });
  });

  it('should delete only NAT gateways that carry nat-optimizer:schedule', () => {
    // Act
    const statements = statementsFor('ec2:DeleteNatGateway');

    // Assess
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]?.Resource)).toContain(':natgateway/*');
    expect(statements[0]?.Condition).toEqual({ Null: { 'aws:ResourceTag/nat-optimizer:schedule': 'false' } });
  });

  it('should create only NAT gateways requested with nat-optimizer:managed=true', () => {
    // Act
    const statements = statementsFor('ec2:CreateNatGateway');
    const onGateways = statements.filter((s) => JSON.stringify(s.Resource).includes(':natgateway/*'));

    // Assess
    expect(onGateways.map((s) => s.Condition)).toEqual([
      { StringEquals: { 'aws:RequestTag/nat-optimizer:managed': 'true' } },
    ]);
    expect(statements.filter((s) => !s.Condition).map((s) => JSON.stringify(s.Resource))).toEqual([
      expect.stringMatching(/subnet\/\*.*elastic-ip\/\*.*vpc\/\*/),
    ]);
  });

  it('should tag NAT gateways only as part of creating them', () => {
    // Act
    const onGateways = statementsFor('ec2:CreateTags').filter((s) =>
      JSON.stringify(s.Resource).includes(':natgateway/*'),
    );

    // Assess
    expect(onGateways.map((s) => s.Condition)).toEqual([
      { StringEquals: { 'ec2:CreateAction': 'CreateNatGateway' } },
    ]);
  });

  it('should write and delete only nat-optimizer keys on Elastic IPs and route tables, never all tags', () => {
    // Act
    const statements = statementsFor('ec2:DeleteTags');

    // Assess
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]?.Resource)).toMatch(/elastic-ip\/\*.*route-table\/\*/);
    expect(statements[0]?.Condition).toEqual({
      'ForAllValues:StringLike': { 'aws:TagKeys': 'nat-optimizer:*' },
      Null: { 'aws:TagKeys': 'false' },
    });
    expect(statementsFor('ec2:CreateTags')).toContainEqual(statements[0]);
  });

  it('should move routes only in route tables and never release an address', () => {
    // Act
    const actions = [...allowedActions(packagedTemplate(), FUNCTION).keys()];

    // Assess
    expect(JSON.stringify(statementsFor('ec2:ReplaceRoute')[0]?.Resource)).toContain(':route-table/*');
    expect(JSON.stringify(statementsFor('ec2:CreateRoute')[0]?.Resource)).toContain(':route-table/*');
    expect(actions).not.toContain('ec2:ReleaseAddress');
    expect(actions).not.toContain('ec2:DeleteRoute');
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  it('should read only subnets, route tables, NAT gateways and addresses', () => {
    // Act
    const describes = [...allowedActions(packagedTemplate(), FUNCTION).keys()].filter((a) =>
      a.startsWith('ec2:Describe'),
    );

    // Assess
    expect(describes.sort()).toEqual([
      'ec2:DescribeAddresses',
      'ec2:DescribeNatGateways',
      'ec2:DescribeRouteTables',
      'ec2:DescribeSubnets',
    ]);
  });

  it('should put its events on the default bus only', () => {
    // Act
    const put = roleStatements(packagedTemplate(), FUNCTION).filter((s) =>
      actionsOf(s).includes('events:PutEvents'),
    );

    // Assess
    expect(JSON.stringify(put.map((s) => s.Resource))).toContain('event-bus/default');
  });

  it('should package the scheduler on its own, under 1 MB zipped', () => {
    // Act
    const artifact = packagedArtifacts().find((a) => a.name === 'schedule.zip');

    // Assess
    expect(artifact?.bytes).toBeGreaterThan(0);
    expect(artifact?.bytes).toBeLessThan(1024 * 1024);
  });
});
