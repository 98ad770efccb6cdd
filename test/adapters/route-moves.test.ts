import { CreateRouteCommand, EC2Client, EC2ServiceException, ReplaceRouteCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { pointDefaultRoute, RouteMoveError } from '../../lib/aws/route-moves';

const ec2Mock = mockClient(EC2Client);
const ec2 = new EC2Client({ region: 'us-east-1', maxAttempts: 1 });

function awsError(code: string, message = code): EC2ServiceException {
  return new EC2ServiceException({
    name: code,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message,
  });
}

describe('pointDefaultRoute', () => {
  afterEach(() => {
    ec2Mock.reset();
  });

  it('should replace the existing default route and say so', async () => {
    // Prepare
    ec2Mock.on(ReplaceRouteCommand).resolves({});

    // Act
    const move = await pointDefaultRoute(ec2, 'rtb-1', 'nat-1');

    // Assess
    expect(move).toEqual({
      routeTableId: 'rtb-1',
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: 'nat-1',
      change: 'replaced',
    });
    expect(ec2Mock).toHaveReceivedCommandWith(ReplaceRouteCommand, {
      RouteTableId: 'rtb-1',
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: 'nat-1',
    });
    expect(ec2Mock).not.toHaveReceivedCommand(CreateRouteCommand);
  });

  it('should create the route when the table has none (InvalidParameterValue)', async () => {
    // Prepare
    ec2Mock
      .on(ReplaceRouteCommand)
      .rejects(awsError('InvalidParameterValue', 'There is no route defined. Use CreateRoute instead.'));
    ec2Mock.on(CreateRouteCommand).resolves({ Return: true });

    // Act
    const move = await pointDefaultRoute(ec2, 'rtb-1', 'nat-1');

    // Assess
    expect(move.change).toBe('created');
    expect(ec2Mock).toHaveReceivedCommandWith(CreateRouteCommand, {
      RouteTableId: 'rtb-1',
      NatGatewayId: 'nat-1',
    });
  });

  it('should report the original refusal when the route did exist (another InvalidParameterValue cause)', async () => {
    // Prepare
    ec2Mock
      .on(ReplaceRouteCommand)
      .rejects(awsError('InvalidParameterValue', 'belong to different networks'));
    ec2Mock.on(CreateRouteCommand).rejects(awsError('RouteAlreadyExists'));

    // Act
    const move = pointDefaultRoute(ec2, 'rtb-1', 'nat-1');

    // Assess
    await expect(move).rejects.toThrow(RouteMoveError);
    await expect(move).rejects.toThrow('InvalidParameterValue: belong to different networks');
  });

  it('should carry the AWS code of a gateway routing does not know yet', async () => {
    // Prepare
    ec2Mock.on(ReplaceRouteCommand).rejects(awsError('InvalidNatGatewayID.NotFound'));

    // Act
    const error = await pointDefaultRoute(ec2, 'rtb-1', 'nat-1').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(RouteMoveError);
    expect(error).toMatchObject({
      routeTableId: 'rtb-1',
      natGatewayId: 'nat-1',
      code: 'InvalidNatGatewayID.NotFound',
    });
  });

  it('should let an error that is not an AWS answer through unchanged', async () => {
    // Prepare
    const crash = new Error('process died');
    ec2Mock.on(ReplaceRouteCommand).rejects(crash);

    // Act
    const error = await pointDefaultRoute(ec2, 'rtb-1', 'nat-1').catch((e: unknown) => e);

    // Assess
    expect(error).toBe(crash);
  });
});
