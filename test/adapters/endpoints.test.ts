import 'aws-sdk-client-mock-vitest/extend';
import {
  CreateVpcEndpointCommand,
  EC2Client,
  EC2ServiceException,
  ModifyVpcEndpointCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEndpointPlan } from '../../lib/aws/endpoints';
import type { EndpointPlan, EndpointStep } from '../../lib/domain/endpoints/endpoint-plan';

const ec2 = mockClient(EC2Client);
const client = new EC2Client({ region: 'us-east-1' });
const POLICY = '{"Version":"2012-10-17","Statement":[]}';

function step(overrides: Partial<EndpointStep>): EndpointStep {
  return {
    service: 's3',
    serviceName: 'com.amazonaws.us-east-1.s3',
    action: 'create',
    routeTableIds: ['rtb-a', 'rtb-b'],
    reason: 'no s3 gateway endpoint in the VPC',
    estimatedMonthlySavings: 10,
    unattributedNatGatewayIds: [],
    ...overrides,
  };
}

function plan(...steps: EndpointStep[]): EndpointPlan {
  return { vpcId: 'vpc-1', natRouteTableIds: ['rtb-a', 'rtb-b'], steps };
}

const options = {
  apply: true,
  policyFor: () => POLICY,
  tagsFor: () => ({ 'nat-optimizer:managed': 'true' }),
};

describe('applyEndpointPlan', () => {
  afterEach(() => {
    ec2.reset();
  });

  it('should create a gateway endpoint on the tables with its policy, tags and a stable client token', async () => {
    // Prepare
    ec2.on(CreateVpcEndpointCommand).resolves({ VpcEndpoint: { VpcEndpointId: 'vpce-new' } });

    // Act
    const [outcome] = await applyEndpointPlan(client, plan(step({})), options);

    // Assess
    expect(outcome).toMatchObject({ result: 'done', vpcEndpointId: 'vpce-new' });
    expect(ec2).toHaveReceivedCommandWith(CreateVpcEndpointCommand, {
      VpcEndpointType: 'Gateway',
      VpcId: 'vpc-1',
      ServiceName: 'com.amazonaws.us-east-1.s3',
      RouteTableIds: ['rtb-a', 'rtb-b'],
      PolicyDocument: POLICY,
      ClientToken: expect.stringMatching(/^nat-optimizer-[0-9a-f]{40}$/),
      TagSpecifications: [
        { ResourceType: 'vpc-endpoint', Tags: [{ Key: 'nat-optimizer:managed', Value: 'true' }] },
      ],
    });
  });

  it('should send the same client token for the same request', async () => {
    // Prepare
    ec2.on(CreateVpcEndpointCommand).resolves({ VpcEndpoint: { VpcEndpointId: 'vpce-new' } });

    // Act
    await applyEndpointPlan(client, plan(step({})), options);
    await applyEndpointPlan(client, plan(step({})), options);

    // Assess
    const tokens = ec2.commandCalls(CreateVpcEndpointCommand).map((call) => call.args[0].input.ClientToken);
    expect(tokens[0]).toBe(tokens[1]);
  });

  it('should only add route tables to an existing endpoint when the plan says extend', async () => {
    // Prepare
    ec2.on(ModifyVpcEndpointCommand).resolves({ Return: true });

    // Act
    await applyEndpointPlan(
      client,
      plan(
        step({ action: 'extend', vpcEndpointId: 'vpce-1', routeTableIds: ['rtb-b'] }),
        step({ action: 'skip', vpcEndpointId: 'vpce-2' }),
      ),
      options,
    );

    // Assess
    expect(ec2).toHaveReceivedCommandTimes(ModifyVpcEndpointCommand, 1);
    expect(ec2).toHaveReceivedCommandWith(ModifyVpcEndpointCommand, {
      VpcEndpointId: 'vpce-1',
      AddRouteTableIds: ['rtb-b'],
    });
  });

  it('should only plan without apply', async () => {
    // Act
    const outcomes = await applyEndpointPlan(client, plan(step({})), { ...options, apply: false });

    // Assess
    expect(outcomes.map((o) => o.result)).toEqual(['planned']);
    expect(ec2).toHaveReceivedCommandTimes(CreateVpcEndpointCommand, 0);
  });

  it('should report a step that fails and carry on with the next', async () => {
    // Prepare
    const refused = new EC2ServiceException({
      name: 'RouteAlreadyExists',
      $fault: 'client',
      $metadata: {},
      message: 'route table rtb-a already has a route with destination-prefix-list-id pl-1',
    });
    ec2
      .on(CreateVpcEndpointCommand)
      .rejectsOnce(refused)
      .resolves({ VpcEndpoint: { VpcEndpointId: 'vpce-ddb' } });

    // Act
    const outcomes = await applyEndpointPlan(
      client,
      plan(step({}), step({ service: 'dynamodb', serviceName: 'com.amazonaws.us-east-1.dynamodb' })),
      options,
    );

    // Assess
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'done']);
    expect(outcomes[0]?.error).toBe(
      'RouteAlreadyExists: route table rtb-a already has a route with destination-prefix-list-id pl-1',
    );
  });
});
