import { describe, expect, it } from 'vitest';
import { packagedTemplate } from './packaged-template';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

function roleDocument(): { trust: Statement[]; statements: Statement[] } {
  const role = packagedTemplate().Resources.NatFlowLogDeliveryRole?.Properties ?? {};
  const trust = (role.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
  const policies = role.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>;
  return { trust, statements: policies.flatMap((p) => p.PolicyDocument.Statement) };
}

describe('packaged template: flow-log attribution', () => {
  it('should own the NAT flow-log group with a retention', () => {
    const group = packagedTemplate().Resources.NatFlowLogGroup;
    expect(group?.Type).toBe('AWS::Logs::LogGroup');
    expect(group?.Properties).toMatchObject({
      LogGroupName: '/nat-optimizer/test/nat-flow-logs',
      RetentionInDays: 30,
    });
  });

  it('should let only VPC Flow Logs of this account assume the delivery role', () => {
    const { trust } = roleDocument();
    expect(trust).toHaveLength(1);
    expect(trust[0]?.Principal).toEqual({ Service: 'vpc-flow-logs.amazonaws.com' });
    expect(JSON.stringify(trust[0]?.Condition)).toContain('aws:SourceAccount');
  });

  it('should let the delivery role write into the flow-log group only', () => {
    const { statements } = roleDocument();
    const write = statements.find((s) => [s.Action].flat().includes('logs:PutLogEvents'));
    expect(write?.Resource).toEqual({ 'Fn::GetAtt': ['NatFlowLogGroup', 'Arn'] });
  });

  it('should output the group name and the role ARN for flow-logs setup', () => {
    expect(Object.keys(packagedTemplate().Outputs ?? {})).toEqual(
      expect.arrayContaining(['NatFlowLogGroupName', 'NatFlowLogDeliveryRoleArn']),
    );
  });
});
