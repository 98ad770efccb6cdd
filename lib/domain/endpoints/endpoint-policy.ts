// Endpoint policies of the gateway endpoints the optimizer creates: the default one, and checking a user's own.
import * as z from 'zod/mini';
import { BadInputError } from '../../errors';
import type { GatewayEndpointService } from './endpoint-plan';

export class EndpointPolicyError extends BadInputError {
  override name = 'EndpointPolicyError';
}

/** AWS's limit on an endpoint policy document, whitespace included. */
export const MAX_POLICY_LENGTH = 20_480;

export interface PolicyOwner {
  accountId: string;
  /** AWS Organizations id (o-…); when given, resources of the whole organisation are allowed too. */
  organizationId?: string;
  region: string;
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Buckets AWS owns that instances commonly read through S3 in their own region: ECR image layers, Amazon Linux
 * package repositories, the SSM agent and its packages. An account-only policy would block them.
 */
export function awsServiceBucketArns(region: string): string[] {
  const arn = (bucket: string) => `arn:${partitionOf(region)}:s3:::${bucket}/*`;
  return [
    arn(`prod-${region}-starport-layer-bucket`),
    arn(`al2023-repos-${region}-*`),
    arn(`amazonlinux-2-repos-${region}`),
    arn(`amazon-ssm-${region}`),
    arn(`amazon-ssm-packages-${region}`),
    arn(`aws-ssm-${region}`),
  ];
}

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Principal: '*';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

/**
 * Allows any action on resources of this account (aws:ResourceAccount) and, when configured, of this
 * organisation (aws:ResourceOrgID); for S3 also reading the AWS-owned buckets above. Everything else is denied
 * on the endpoint, so the endpoint cannot be used to move data to other accounts' buckets or tables.
 */
export function defaultEndpointPolicy(service: GatewayEndpointService, owner: PolicyOwner): string {
  const action = `${service}:*`;
  const statements: Statement[] = [
    {
      Sid: 'ResourcesOfThisAccount',
      Effect: 'Allow',
      Principal: '*',
      Action: action,
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceAccount': owner.accountId } },
    },
  ];
  if (owner.organizationId) {
    statements.push({
      Sid: 'ResourcesOfThisOrganization',
      Effect: 'Allow',
      Principal: '*',
      Action: action,
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceOrgID': owner.organizationId } },
    });
  }
  if (service === 's3') {
    statements.push({
      Sid: 'AwsServiceBuckets',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: awsServiceBucketArns(owner.region),
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const stringOrList = z.union([z.string(), z.array(z.string())]);
const statementSchema = z
  .looseObject({
    Effect: z.enum(['Allow', 'Deny']),
    Action: z.optional(stringOrList),
    NotAction: z.optional(stringOrList),
  })
  .check(
    z.refine(
      (s) => s.Action !== undefined || s.NotAction !== undefined,
      'a statement needs Action or NotAction',
    ),
  );
const statementsSchema = z.array(statementSchema).check(z.minLength(1, 'needs at least one statement'));
const policySchema = z.looseObject({
  Version: z.enum(['2012-10-17', '2008-10-17']),
  // A single statement may stand without a list; it is checked as a list of one.
  Statement: z.pipe(
    z.unknown(),
    z.transform((value) => (Array.isArray(value) ? value : [value])),
  ),
});

/** A user's policy file: JSON with a Version and Allow/Deny statements, within AWS's size limit. */
export function parseEndpointPolicy(text: string, source: string): string {
  if (text.length > MAX_POLICY_LENGTH) {
    throw new EndpointPolicyError(
      `${source}: ${text.length} characters, an endpoint policy holds at most ${MAX_POLICY_LENGTH}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EndpointPolicyError(
      `${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const policy = policySchema.safeParse(json);
  const checked = policy.success ? statementsSchema.safeParse(policy.data.Statement) : policy;
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = [...(policy.success ? ['Statement'] : []), ...(issue?.path ?? [])];
    const where = path.length > 0 ? path.join('.') : 'the document';
    throw new EndpointPolicyError(`${source}: ${where}: ${issue?.message ?? 'invalid policy'}`);
  }
  return text;
}
