// The CloudFormation template and artifacts that `serverless package` produced in test/global-setup.ts.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PACKAGE_DIR } from './package-location';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: unknown;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
}

let cached: CfnTemplate | undefined;

export function packagedTemplate(): CfnTemplate {
  cached ??= JSON.parse(readFileSync(join(PACKAGE_DIR, 'cloudformation-template-update-stack.json'), 'utf8'));
  if (!cached) throw new Error('no packaged template');
  return cached;
}

export function packagedArtifacts(): Array<{ name: string; bytes: number }> {
  return readdirSync(PACKAGE_DIR)
    .filter((name) => name.endsWith('.zip'))
    .map((name) => ({ name, bytes: statSync(join(PACKAGE_DIR, name)).size }));
}

export function resourcesOfType(template: CfnTemplate, type: string): Array<[string, CfnResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export interface PolicyStatement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Every statement of the IAM role a function runs with. */
export function roleStatements(template: CfnTemplate, functionLogicalId: string): PolicyStatement[] {
  const fn = template.Resources[functionLogicalId];
  const role = (fn?.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
  const policies = (template.Resources[role ?? '']?.Properties?.Policies ?? []) as Array<{
    PolicyDocument: { Statement: PolicyStatement[] };
  }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

export function actionsOf(statement: PolicyStatement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** All actions a function's role allows, with the statements that allow each. */
export function allowedActions(
  template: CfnTemplate,
  functionLogicalId: string,
): Map<string, PolicyStatement[]> {
  const allowed = new Map<string, PolicyStatement[]>();
  for (const statement of roleStatements(template, functionLogicalId)) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of actionsOf(statement))
      allowed.set(action, [...(allowed.get(action) ?? []), statement]);
  }
  return allowed;
}

/** The function may tag NAT gateways, and only with the optimizer's own keys. */
export function expectOwnTagsOnNatGatewaysOnly(functionLogicalId: string): void {
  const statements = allowedActions(packagedTemplate(), functionLogicalId).get('ec2:CreateTags') ?? [];
  expect(statements).toHaveLength(1);
  expect(JSON.stringify(statements[0]?.Resource)).toContain(':natgateway/*');
  expect(statements[0]?.Condition).toEqual({
    'ForAllValues:StringLike': { 'aws:TagKeys': 'nat-optimizer:*' },
  });
}
