// The member-account template (`nat-optimizer org member-role`): one role per job, trusted only by the hub with
// the external id, and no mutating action on every resource without a condition.
import { describe, expect, it } from 'vitest';
import { memberRoleTemplate } from '../../../lib/domain/organization/member-role-template';
import { runCli } from '../../fixtures/cli-run';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
  Principal?: unknown;
}

interface Role {
  Type: string;
  Properties: {
    RoleName: unknown;
    AssumeRolePolicyDocument: { Statement: Statement[] };
    Policies: Array<{ PolicyDocument: { Statement: Statement[] } }>;
  };
}

const READ_ONLY = /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$/;

async function template(): Promise<{ Resources: Record<string, Role>; Parameters: Record<string, unknown> }> {
  const run = await runCli(['org', 'member-role']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('member role template', () => {
  it('should print the same template the project generates, one role per job', async () => {
    const printed = await template();
    expect(printed).toEqual(memberRoleTemplate());
    expect(Object.keys(printed.Resources).sort()).toEqual(['AlertRole', 'AnalyzeRole', 'ScheduleRole']);
    expect(Object.keys(printed.Parameters)).toEqual(expect.arrayContaining(['HubAccountId', 'ExternalId']));
  });

  it('should be assumable only by the hub account with the external id', async () => {
    for (const role of Object.values((await template()).Resources)) {
      const [trust, ...more] = role.Properties.AssumeRolePolicyDocument.Statement;
      expect(more).toEqual([]);
      expect(trust).toMatchObject({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { AWS: { 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${HubAccountId}:root` } },
        Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
      });
    }
  });

  it('should allow no mutating action on every resource without a condition', async () => {
    const unconditioned: string[] = [];
    for (const [id, role] of Object.entries((await template()).Resources)) {
      for (const statement of role.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement)) {
        const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
        const onEverything = statement.Resource === '*';
        for (const action of actions)
          if (!READ_ONLY.test(action) && (onEverything || action.includes('*')) && !statement.Condition)
            unconditioned.push(`${id}: ${action}`);
      }
    }
    expect(unconditioned).toEqual([]);
  });

  it('should give analyze and alert no way to delete or create gateways or move routes', async () => {
    const { Resources } = await template();
    for (const id of ['AnalyzeRole', 'AlertRole']) {
      const actions = (Resources[id]?.Properties.Policies ?? []).flatMap((p) =>
        p.PolicyDocument.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])),
      );
      expect(actions.filter((a) => !READ_ONLY.test(a))).toEqual(['ec2:CreateTags']);
    }
  });

  it('should let schedule delete only gateways tagged with a schedule, and never release an address', async () => {
    const statements = (await template()).Resources.ScheduleRole?.Properties.Policies.flatMap(
      (p) => p.PolicyDocument.Statement,
    );
    const actions = (statements ?? []).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).not.toContain('ec2:ReleaseAddress');
    expect(actions).not.toContain('ec2:DeleteRoute');
    const deletes = (statements ?? []).filter((s) => s.Action === 'ec2:DeleteNatGateway');
    expect(deletes).toEqual([
      expect.objectContaining({ Condition: { Null: { 'aws:ResourceTag/nat-optimizer:schedule': 'false' } } }),
    ]);
  });
});
