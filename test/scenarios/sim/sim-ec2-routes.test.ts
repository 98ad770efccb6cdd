// Contract: CreateRoute / ReplaceRoute / DeleteRoute answer with AWS's codes and change routes like AWS.
import {
  CreateNatGatewayCommand,
  CreateRouteCommand,
  DeleteNatGatewayCommand,
  DeleteRouteCommand,
  DescribeRouteTablesCommand,
  ReplaceRouteCommand,
  type Route,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../lib/aws/clients';
import { EXAMPLE, exampleAccount } from './sim-ec2-fixture';

const DEFAULT_ROUTE = '0.0.0.0/0';

async function defaultRoute(clients: AwsClients, routeTableId: string): Promise<Route | undefined> {
  const { RouteTables } = await clients.ec2.send(
    new DescribeRouteTablesCommand({ RouteTableIds: [routeTableId] }),
  );
  return RouteTables?.[0]?.Routes?.find((route) => route.DestinationCidrBlock === DEFAULT_ROUTE);
}

describe('simulated EC2: routes', () => {
  it('should refuse CreateRoute on an existing destination with RouteAlreadyExists', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new CreateRouteCommand({
        RouteTableId: EXAMPLE.prodPrivateTableB,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.prodNatA,
      }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'RouteAlreadyExists' });
  });

  it('should refuse a route to an unknown NAT gateway with InvalidNatGatewayID.NotFound', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: EXAMPLE.prodPrivateTableB,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: 'nat-0dead',
      }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidNatGatewayID.NotFound' });
  });

  it('should refuse ReplaceRoute on a missing destination with InvalidParameterValue naming CreateRoute', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: EXAMPLE.prodMainTable,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.prodNatA,
      }),
    );
    await expect(answer).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: "There is no route defined for '0.0.0.0/0' in the route table. Use CreateRoute instead.",
    });
  });

  it('should refuse DeleteRoute on a missing destination with InvalidRoute.NotFound', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new DeleteRouteCommand({ RouteTableId: EXAMPLE.prodMainTable, DestinationCidrBlock: DEFAULT_ROUTE }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidRoute.NotFound' });
  });

  it('should refuse a route in an unknown table with InvalidRouteTableID.NotFound', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new CreateRouteCommand({
        RouteTableId: 'rtb-0dead',
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.prodNatA,
      }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidRouteTableID.NotFound' });
  });

  it('should refuse a route to a NAT gateway of another VPC with InvalidParameterValue', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: EXAMPLE.devPrivateTable,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.prodNatA,
      }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('should move a route to another gateway of the VPC with ReplaceRoute', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: EXAMPLE.prodPrivateTableB,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.prodNatA,
      }),
    );
    expect(await defaultRoute(clients, EXAMPLE.prodPrivateTableB)).toMatchObject({
      NatGatewayId: EXAMPLE.prodNatA,
      State: 'active',
    });
  });

  it('should make a blackhole route active again with ReplaceRoute', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: EXAMPLE.prodNatB }));
    const blackhole = await defaultRoute(clients, EXAMPLE.prodPrivateTableB);
    await clients.ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: EXAMPLE.prodPrivateTableB,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.prodNatA,
      }),
    );
    expect(blackhole?.State).toBe('blackhole');
    expect(await defaultRoute(clients, EXAMPLE.prodPrivateTableB)).toMatchObject({
      NatGatewayId: EXAMPLE.prodNatA,
      State: 'active',
    });
  });

  it('should accept a route to a NAT gateway that is still pending, as AWS does', async () => {
    const { clients } = await exampleAccount();
    const { NatGateway } = await clients.ec2.send(
      new CreateNatGatewayCommand({ SubnetId: EXAMPLE.devPublicSubnetB, ConnectivityType: 'private' }),
    );
    await clients.ec2.send(
      new ReplaceRouteCommand({
        RouteTableId: EXAMPLE.devPrivateTable,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: NatGateway?.NatGatewayId,
      }),
    );
    expect((await defaultRoute(clients, EXAMPLE.devPrivateTable))?.NatGatewayId).toBe(
      NatGateway?.NatGatewayId,
    );
  });

  it('should add a route with CreateRoute and remove it with DeleteRoute', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(
      new CreateRouteCommand({
        RouteTableId: EXAMPLE.devMainTable,
        DestinationCidrBlock: DEFAULT_ROUTE,
        NatGatewayId: EXAMPLE.devNat,
      }),
    );
    const created = await defaultRoute(clients, EXAMPLE.devMainTable);
    await clients.ec2.send(
      new DeleteRouteCommand({ RouteTableId: EXAMPLE.devMainTable, DestinationCidrBlock: DEFAULT_ROUTE }),
    );
    expect(created).toMatchObject({ NatGatewayId: EXAMPLE.devNat, Origin: 'CreateRoute', State: 'active' });
    expect(await defaultRoute(clients, EXAMPLE.devMainTable)).toBeUndefined();
  });
});
