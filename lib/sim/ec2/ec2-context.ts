// What the EC2 handlers share: the account, the NAT gateway timeline and the id factory.
import type { SimAccount } from '../sim-account';
import type { SnapshotNatGateway } from '../snapshot-schema';
import { IdFactory } from './ids';
import { NatLifecycle } from './nat-lifecycle-state';

export interface Ec2Context {
  sim: SimAccount;
  nat: NatLifecycle;
  ids: IdFactory;
}

export function createEc2Context(sim: SimAccount): Ec2Context {
  const nat = new NatLifecycle(sim);
  const ids = new IdFactory(`${sim.state.accountId}:${sim.state.region}`, (id) =>
    sim.state.natGateways.some((gateway) => gateway.natGatewayId === id),
  );
  return { sim, nat, ids };
}

export function findNatGateway(sim: SimAccount, natGatewayId: string): SnapshotNatGateway | undefined {
  return sim.state.natGateways.find((gateway) => gateway.natGatewayId === natGatewayId);
}

export function findSubnet(
  sim: SimAccount,
  subnetId: string,
): SimAccount['state']['subnets'][number] | undefined {
  return sim.state.subnets.find((subnet) => subnet.subnetId === subnetId);
}
