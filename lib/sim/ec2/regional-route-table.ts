// The route table AWS gives a regional NAT gateway: created with it, gone once it is deleted.
import type { SimAccount } from '../sim-account';
import type { SnapshotNatGateway } from '../snapshot-schema';
import type { IdFactory } from './ids';

/** The gateway's own route table: the VPC's local route and a default route to its internet gateway. */
export function ownRouteTable(sim: SimAccount, ids: IdFactory, vpcId: string): string {
  const routeTableId = ids.next('rtb');
  const vpc = sim.state.vpcs.find((v) => v.vpcId === vpcId);
  const igw = sim.state.internetGateways.find((g) => g.vpcId === vpcId);
  sim.state.routeTables.push({
    routeTableId,
    vpcId,
    main: false,
    subnetIds: [],
    tags: {},
    routes: [
      ...(vpc ? [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local' }] : []),
      ...(igw ? [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.internetGatewayId }] : []),
    ],
  });
  return routeTableId;
}

/** Once the gateway is deleted its route table goes with it. */
export function removeOwnRouteTable(sim: SimAccount, gateway: SnapshotNatGateway): void {
  if (gateway.availabilityMode !== 'regional' || gateway.routeTableId === undefined) return;
  const index = sim.state.routeTables.findIndex((t) => t.routeTableId === gateway.routeTableId);
  if (index >= 0) sim.state.routeTables.splice(index, 1);
  delete gateway.routeTableId;
}
