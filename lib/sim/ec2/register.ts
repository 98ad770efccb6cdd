// The EC2 side of the simulated account: every command the adapters send, answered from sim.state.
import type { SimAccount } from '../sim-account';
import { registerAddresses } from './addresses';
import { registerAvailabilityZones } from './availability-zones';
import { registerNetworkDescribes } from './describe-network';
import { createEc2Context } from './ec2-context';
import { registerEndpoints } from './endpoints';
import { registerNatCreate } from './nat-create';
import { registerNatGateways } from './nat-gateways';
import { registerRouteTables } from './route-tables';
import { registerRoutes } from './routes';
import { registerTags } from './tags';

export function registerEc2(sim: SimAccount): void {
  const ctx = createEc2Context(sim);
  sim.addSettler(() => ctx.nat.settle());
  registerNetworkDescribes(sim);
  registerAvailabilityZones(sim);
  registerRouteTables(sim);
  registerRoutes(sim);
  registerNatGateways(ctx);
  registerNatCreate(ctx);
  registerAddresses(ctx);
  registerEndpoints(sim);
  registerTags(sim);
}
