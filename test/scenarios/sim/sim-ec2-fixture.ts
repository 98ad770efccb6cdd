// The example account on the simulated EC2 API, and the ids of the example the EC2 contract tests use.
import { fileURLToPath } from 'node:url';
import type { SimTimings } from '../../../lib/sim/sim-account';
import { createSimulatedAccount, type SimulatedAccount } from '../../../lib/sim/simulated-account';
import { loadSnapshotFile } from '../../../lib/sim/snapshot-load';

export const EXAMPLE_ACCOUNT_PATH = fileURLToPath(
  new URL('../../../examples/example-account.json', import.meta.url),
);

export async function exampleAccount(
  options: { timings?: Partial<SimTimings> } = {},
): Promise<SimulatedAccount> {
  return createSimulatedAccount(await loadSnapshotFile(EXAMPLE_ACCOUNT_PATH), options);
}

/** Waiter settings for the simulated account: real delays of milliseconds, simulated minutes. */
export const FAST_WAITER = { minDelay: 0.001, maxDelay: 0.002, maxWaitTime: 60 };

export const EXAMPLE = {
  prodVpc: 'vpc-a9afb1aa2ffccdfd9',
  devVpc: 'vpc-44112025f96743120',
  devNat: 'nat-7180befc6423033bd',
  devEip: 'eipalloc-7180befc6423033bd',
  devEipPublicIp: '203.0.113.13',
  devPublicSubnetA: 'subnet-9e42d1ed4f20bedbd',
  devPublicSubnetB: 'subnet-61eb7b5d5344b5d2d',
  devPrivateTable: 'rtb-f7874db8834a697a1',
  devMainTable: 'rtb-cc578691f3731c8cc',
  prodNatA: 'nat-c96c07fb2aecb9170',
  prodNatB: 'nat-aff0cc138b95e1039',
  prodPrivateTableB: 'rtb-18dd0b2cd61e20914',
  prodPrivateTableC: 'rtb-90550c5481ecea062',
  prodPrivateSubnetC: 'subnet-d4e3c75db8a7139da',
  prodMainTable: 'rtb-60eeaf854308da5ec',
  stagingPrivateTable: 'rtb-ed795355f499402a4',
  s3Endpoint: 'vpce-a350174756ee33a1b',
  s3PrefixList: 'pl-fe922169',
  natGatewayCount: 7,
  routeTableCount: 15,
} as const;
