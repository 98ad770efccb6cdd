// The Runtime of the Lambda handlers: clients created once per container, at module load, and reused across
// invocations. Local mode (config.core.localSnapshot, from NAT_OPTIMIZER_SNAPSHOT): they answer from a simulated account
// instead, loaded from dist/local-sim.cjs at run time so that no Lambda bundle carries lib/sim.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { awsRuntime } from './aws/aws-runtime';
import {
  AWS_WAIT_TIMINGS,
  type AwsClients,
  createClients,
  immediateRetryStrategy,
  type WaitTimings,
} from './aws/clients';
import { type CoreConfig, clientTimeouts } from './config/core-config';
import type { Runtime } from './runtime';

/** Built by scripts/build-local-sim.mjs (npm run build). */
export const LOCAL_SIM_MODULE = join('dist', 'local-sim.cjs');

export class LocalModeError extends Error {
  override name = 'LocalModeError';
}

/** What dist/local-sim.cjs (lib/sim/local-mode.ts) gives: clients answered by a simulated account. */
export interface LocalSim {
  clients: AwsClients;
  /** The simulated account's clock: starts at the snapshot's capturedAt. */
  now: () => Date;
  /** The snapshot's region: the handler must run in it. */
  region: string;
  /** Waiters poll in milliseconds: each poll moves the simulated clock instead. */
  waits: WaitTimings;
  /** Before a handler gets `event`: what AWS did first (an alarm changed state), replayed on the account. */
  deliver(event: unknown): void;
}

interface LambdaEnvironment {
  clients: AwsClients;
  now: () => Date;
  waits: WaitTimings;
  /** Local mode: the simulated account sees the event arrive (an alarm takes its state). On AWS: nothing. */
  deliver: (event: unknown) => void;
}

let environment: LambdaEnvironment | undefined;

/** `serverless invoke local` runs the bundle from .esbuild/.build: look in the working directory and above. */
function findUp(start: string, relative: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

type CreateLocalSimClients = (path: string, clients: AwsClients) => LocalSim;

function isLocalSimModule(value: unknown): value is { createLocalSimClients: CreateLocalSimClients } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'createLocalSimClients' in value &&
    typeof value.createLocalSimClients === 'function'
  );
}

function localEnvironment(snapshot: string, region: string, maxAttempts: number): LambdaEnvironment {
  const modulePath = findUp(process.cwd(), LOCAL_SIM_MODULE);
  if (!modulePath) {
    throw new LocalModeError(
      `NAT_OPTIMIZER_SNAPSHOT is set but ${LOCAL_SIM_MODULE} is not in ${process.cwd()} or a parent: ` +
        'build it with `node scripts/build-local-sim.mjs` (part of npm run build)',
    );
  }
  // The path is computed at run time, so esbuild does not follow it: lib/sim stays out of the bundles.
  const loaded: unknown = createRequire(modulePath)(modulePath);
  if (!isLocalSimModule(loaded))
    throw new LocalModeError(`${modulePath} does not export createLocalSimClients: rebuild it`);
  // Clients of this bundle's SDK (its paginators check the class), with credentials that can sign nothing real.
  const clients = createClients({
    region,
    maxAttempts,
    retryStrategy: immediateRetryStrategy(maxAttempts),
    credentials: { accessKeyId: 'LOCAL_MODE', secretAccessKey: 'LOCAL_MODE' },
    // The simulated account paces EC2 on its own clock when it attaches (lib/sim/sim-account.ts).
    ec2Pacing: 'off',
  });
  // A relative snapshot path is taken from the project directory (the one holding dist/).
  const local = loaded.createLocalSimClients(resolve(dirname(dirname(modulePath)), snapshot), clients);
  if (local.region !== region) {
    throw new LocalModeError(
      `NAT_OPTIMIZER_SNAPSHOT is an account in ${local.region} but AWS_REGION is ${region}: ` +
        `run with --region ${local.region}`,
    );
  }
  return {
    clients: local.clients,
    now: local.now,
    waits: local.waits,
    deliver: (event) => local.deliver(event),
  };
}

function lambdaEnvironment(core: CoreConfig): LambdaEnvironment {
  environment ??= core.localSnapshot
    ? localEnvironment(core.localSnapshot, core.region, core.maxAttempts)
    : {
        clients: createClients({
          region: core.region,
          maxAttempts: core.maxAttempts,
          timeouts: clientTimeouts(core),
        }),
        now: () => new Date(),
        waits: AWS_WAIT_TIMINGS,
        deliver: () => undefined,
      };
  return environment;
}

/** The Runtime every handler runs with: module-scope clients, and in local mode the simulated clock and waits. */
export function lambdaRuntime(core: CoreConfig): Runtime {
  const { clients, now, waits } = lambdaEnvironment(core);
  return awsRuntime({ region: core.region, maxAttempts: core.maxAttempts, apply: true, clients, now, waits });
}

/**
 * Called by a handler with the event it is about to handle. On AWS the event is the news of something that already
 * happened (an alarm changed state): nothing to do. In local mode the snapshot knows nothing of it, so the simulated
 * account replays it first, as the CLI does on a snapshot.
 */
export function lambdaEventArrived(core: CoreConfig, event: unknown): void {
  lambdaEnvironment(core).deliver(event);
}
