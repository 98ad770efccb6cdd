// One call builds a simulated account and SDK clients that talk to it.
import { type AwsClients, createClients, immediateRetryStrategy, type WaitTimings } from '../aws/clients';
import { registerAlarms } from './alarms';
import { registerCloudWatch } from './cloudwatch';
import { registerEc2 } from './ec2/register';
import { registerEmergencyEc2 } from './emergency-ec2';
import { registerEndpointsEc2 } from './endpoints-ec2';
import { registerEventBridge } from './eventbridge';
import { registerLogs } from './logs';
import { SimAccount, type SimAccountOptions } from './sim-account';
import type { Snapshot } from './snapshot-schema';
import { registerSns } from './sns';

/** Waiters poll every few real milliseconds; each poll moves the simulated clock (see SimTimings). */
export const SIM_WAIT_TIMINGS: WaitTimings = {
  minDelaySeconds: 0.001,
  maxDelaySeconds: 0.002,
  maxWaitSeconds: 60,
};

const SIM_MAX_ATTEMPTS = 8;

export interface SimulatedAccount {
  sim: SimAccount;
  clients: AwsClients;
}

export function createSimulatedAccount(
  snapshot: Snapshot,
  options: SimAccountOptions & { maxAttempts?: number } = {},
): SimulatedAccount {
  const sim = new SimAccount(snapshot, options);
  registerEc2(sim);
  registerCloudWatch(sim);
  registerSns(sim);
  registerEventBridge(sim);
  registerAlarms(sim);
  registerEmergencyEc2(sim);
  registerEndpointsEc2(sim);
  registerLogs(sim);
  const maxAttempts = options.maxAttempts ?? SIM_MAX_ATTEMPTS;
  const clients = createClients({
    region: snapshot.region,
    maxAttempts,
    // Frozen clock: retries cost no time (nothing would refill while they wait). Real-time clock: the SDK's own
    // back-off, so a throttled call waits as long as it would on AWS.
    ...(sim.clockMode === 'frozen' ? { retryStrategy: immediateRetryStrategy(maxAttempts) } : {}),
    credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'SIMULATED' },
    // attach() paces EC2 on the simulated clock when the account's buckets are on.
    ec2Pacing: 'off',
  });
  sim.attach(clients);
  return { sim, clients };
}
