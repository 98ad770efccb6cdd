import {
  CreateNatGatewayCommand,
  DeleteNatGatewayCommand,
  DescribeNatGatewaysCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNatGateway,
  deleteNatGateway,
  describeGatewayStatus,
  waitForGateway,
} from '../../lib/aws/nat-lifecycle';

const ec2Mock = mockClient(EC2Client);
const ec2 = new EC2Client({ region: 'us-east-1', maxAttempts: 1 });
const FAST = { minDelaySeconds: 0.001, maxDelaySeconds: 0.002, maxWaitSeconds: 1 };
const notFound = new EC2ServiceException({
  name: 'NatGatewayNotFound',
  $fault: 'client',
  $metadata: {},
  message: 'gone',
});

describe('NAT gateway lifecycle', () => {
  afterEach(() => {
    ec2Mock.reset();
  });

  it('should create with the client token, the addresses and the tags on the gateway', async () => {
    // Prepare
    ec2Mock.on(CreateNatGatewayCommand).resolves({ NatGateway: { NatGatewayId: 'nat-new' } });

    // Act
    const id = await createNatGateway(ec2, {
      subnetId: 'subnet-1',
      connectivityType: 'public',
      allocationId: 'eipalloc-1',
      secondaryAllocationIds: ['eipalloc-2'],
      secondaryPrivateIps: [],
      tags: { Name: 'nat-a', 'nat-optimizer:managed': 'true' },
      clientToken: 'nat-old-20261116T180000Z-0',
    });

    // Assess
    expect(id).toBe('nat-new');
    expect(ec2Mock).toHaveReceivedCommandWith(CreateNatGatewayCommand, {
      SubnetId: 'subnet-1',
      ConnectivityType: 'public',
      AllocationId: 'eipalloc-1',
      SecondaryAllocationIds: ['eipalloc-2'],
      ClientToken: 'nat-old-20261116T180000Z-0',
      TagSpecifications: [
        {
          ResourceType: 'natgateway',
          Tags: [
            { Key: 'Name', Value: 'nat-a' },
            { Key: 'nat-optimizer:managed', Value: 'true' },
          ],
        },
      ],
    });
  });

  it('should treat deleting a gateway AWS no longer knows as done', async () => {
    // Prepare
    ec2Mock.on(DeleteNatGatewayCommand).rejects(notFound);

    // Act
    const deleted = deleteNatGateway(ec2, 'nat-1');

    // Assess
    await expect(deleted).resolves.toBeUndefined();
  });

  it('should report a gateway AWS no longer lists as gone', async () => {
    // Prepare
    ec2Mock.on(DescribeNatGatewaysCommand).rejects(notFound);

    // Act
    const status = await describeGatewayStatus(ec2, 'nat-1');

    // Assess
    expect(status).toEqual({ state: 'gone' });
  });

  it('should stop waiting at once when there is no time left and report the state it is in', async () => {
    // Prepare
    ec2Mock
      .on(DescribeNatGatewaysCommand)
      .resolves({ NatGateways: [{ NatGatewayId: 'nat-1', State: 'pending' }] });

    // Act
    const status = await waitForGateway(ec2, 'nat-1', 'available', FAST, 0);

    // Assess
    expect(status).toEqual({ state: 'pending' });
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeNatGatewaysCommand, 1);
  });

  it('should end the wait with the failure code of a gateway that failed', async () => {
    // Prepare
    ec2Mock.on(DescribeNatGatewaysCommand).resolves({
      NatGateways: [{ NatGatewayId: 'nat-1', State: 'failed', FailureCode: 'Resource.AlreadyAssociated' }],
    });

    // Act
    const status = await waitForGateway(ec2, 'nat-1', 'available', FAST, 60);

    // Assess
    expect(status).toEqual({ state: 'failed', failureCode: 'Resource.AlreadyAssociated' });
  });
});
