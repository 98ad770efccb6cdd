import { describe, expect, it } from 'vitest';
import {
  defaultEndpointPolicy,
  EndpointPolicyError,
  MAX_POLICY_LENGTH,
  parseEndpointPolicy,
} from '../../../lib/domain/endpoints/endpoint-policy';
import { isBadInput } from '../../../lib/errors';

const OWNER = { accountId: '111122223333', region: 'us-east-1' };

interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

function statements(policy: string): Statement[] {
  return JSON.parse(policy).Statement;
}

describe('defaultEndpointPolicy', () => {
  it('should allow every S3 action on resources of the account only', () => {
    // Act
    const policy = statements(defaultEndpointPolicy('s3', OWNER));

    // Assess
    expect(policy[0]).toMatchObject({
      Action: 's3:*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceAccount': '111122223333' } },
    });
  });

  it('should also allow the organisation when one is configured', () => {
    // Act
    const policy = statements(
      defaultEndpointPolicy('dynamodb', { ...OWNER, organizationId: 'o-a1b2c3d4e5' }),
    );

    // Assess
    expect(policy.map((s) => s.Condition)).toEqual([
      { StringEquals: { 'aws:ResourceAccount': '111122223333' } },
      { StringEquals: { 'aws:ResourceOrgID': 'o-a1b2c3d4e5' } },
    ]);
    expect(policy.every((s) => s.Action === 'dynamodb:*')).toBe(true);
  });

  it('should let instances read the region ECR layer and Amazon Linux repository buckets', () => {
    // Act
    const policy = statements(defaultEndpointPolicy('s3', { ...OWNER, region: 'eu-west-1' }));

    // Assess
    const awsBuckets = policy.find((s) => s.Sid === 'AwsServiceBuckets');
    expect(awsBuckets?.Action).toBe('s3:GetObject');
    expect(awsBuckets?.Resource).toEqual(
      expect.arrayContaining([
        'arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*',
        'arn:aws:s3:::al2023-repos-eu-west-1-*/*',
      ]),
    );
  });

  it('should stay within the size AWS accepts for an endpoint policy', () => {
    // Act
    const policy = defaultEndpointPolicy('s3', { ...OWNER, organizationId: 'o-a1b2c3d4e5' });

    // Assess
    expect(parseEndpointPolicy(policy, 'default')).toBe(policy);
  });
});

describe('parseEndpointPolicy', () => {
  it('should accept a policy with a Version and Allow statements', () => {
    // Prepare
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Principal: '*', Resource: '*' }],
    });

    // Act
    const policy = parseEndpointPolicy(text, 'policy.json');

    // Assess
    expect(policy).toBe(text);
  });

  it('should refuse text that is not JSON, as bad input', () => {
    // Act
    const parse = () => parseEndpointPolicy('{ "Version": ', 'policy.json');

    // Assess
    expect(parse).toThrow(EndpointPolicyError);
    expect(parse).toThrow(/^policy\.json is not JSON/);
    expect(isBadInput(new EndpointPolicyError('x'))).toBe(true);
  });

  it('should name the statement field that is wrong', () => {
    // Prepare
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: '*' }] });

    // Act
    const parse = () => parseEndpointPolicy(text, 'policy.json');

    // Assess
    expect(parse).toThrow(/^policy\.json: Statement\.0\.Effect: /);
  });

  it('should refuse a statement without Action or NotAction', () => {
    // Prepare
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Resource: '*' } });

    // Act
    const parse = () => parseEndpointPolicy(text, 'policy.json');

    // Assess
    expect(parse).toThrow(/a statement needs Action or NotAction/);
  });

  it('should refuse a document longer than an endpoint policy can be', () => {
    // Prepare
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'x'.repeat(MAX_POLICY_LENGTH) },
    });

    // Act
    const parse = () => parseEndpointPolicy(text, 'policy.json');

    // Assess
    expect(parse).toThrow(/an endpoint policy holds at most 20480/);
  });
});
