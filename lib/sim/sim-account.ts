// The simulated account: state from a snapshot, a clock, API-call accounting and fault injection.
// It answers at the SDK client (a middleware placed after the SDK's retry step), so adapters run unchanged.
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import type { AwsClients } from '../aws/clients';
import {
  awsError,
  SimClockError,
  type SimService,
  SimUnsupportedCommandError,
  THROTTLING_CODES,
} from './sim-errors';
import type { Snapshot } from './snapshot-schema';

export interface SimCall {
  service: SimService;
  command: string;
  input: unknown;
}

export interface FaultOptions {
  /** Share of calls (0–1) answered with the service's throttling error before anything happens. */
  throttleRate?: number;
  /** Real milliseconds each call takes (to measure concurrency). */
  latencyMs?: number;
  /** Only these commands (e.g. 'ReplaceRoute') are affected; all when absent. */
  commands?: string[];
}

export interface SimTimings {
  /** Simulated seconds from CreateNatGateway to `available`. */
  natProvisionSeconds: number;
  /** Simulated seconds from DeleteNatGateway to `deleted`. */
  natDeletionSeconds: number;
  /** A `deleted` gateway stays visible this long. */
  deletedVisibleSeconds: number;
  /** Simulated seconds a DescribeNatGateways poll on a gateway in transition lets pass (a waiter's poll). */
  pollAdvanceSeconds: number;
}

export const DEFAULT_SIM_TIMINGS: SimTimings = {
  natProvisionSeconds: 120,
  natDeletionSeconds: 60,
  deletedVisibleSeconds: 3600,
  pollAdvanceSeconds: 15,
};

type Handler = (input: unknown) => object | Promise<object>;
type AfterHook = (call: SimCall) => void;

const CLIENT_SERVICES: Record<string, SimService> = {
  EC2Client: 'EC2',
  CloudWatchClient: 'CloudWatch',
  CloudWatchLogsClient: 'CloudWatchLogs',
  SNSClient: 'SNS',
  EventBridgeClient: 'EventBridge',
};

/** Small deterministic PRNG so injected faults are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SimAccount {
  readonly state: Snapshot;
  readonly timings: SimTimings;
  /** Attempts per `Service.Command`, throttled ones included. */
  readonly calls = new Map<string, number>();
  throttledCalls = 0;
  private clock: number;
  private readonly handlers = new Map<string, Handler>();
  private readonly settlers: Array<() => void> = [];
  private readonly afterHooks: AfterHook[] = [];
  private faults: FaultOptions = {};
  private random: () => number;

  constructor(snapshot: Snapshot, options: { timings?: Partial<SimTimings>; seed?: number } = {}) {
    this.state = structuredClone(snapshot);
    this.timings = { ...DEFAULT_SIM_TIMINGS, ...options.timings };
    this.clock = Date.parse(snapshot.capturedAt);
    this.random = mulberry32(options.seed ?? 42);
  }

  now(): Date {
    return new Date(this.clock);
  }

  /** Moves the clock forward; an earlier instant is refused (the past cannot be replayed on this state). */
  setClock(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new SimClockError('simulated clock: invalid instant');
    if (at.getTime() < this.clock) {
      throw new SimClockError(
        `simulated clock: ${at.toISOString()} is earlier than the account's time ${this.now().toISOString()}`,
      );
    }
    this.clock = at.getTime();
    this.settle();
  }

  advance(seconds: number): void {
    this.setClock(new Date(this.clock + seconds * 1000));
  }

  /** Registers the answer to one SDK command, e.g. on('EC2', 'DescribeNatGateways', fn). */
  on<I>(service: SimService, command: string, handler: (input: I) => object | Promise<object>): void {
    this.handlers.set(`${service}.${command}`, handler as Handler);
  }

  /** Registers a function that applies time-driven transitions (pending → available …) up to now(). */
  addSettler(settle: () => void): void {
    this.settlers.push(settle);
  }

  settle(): void {
    for (const settle of this.settlers) settle();
  }

  injectFaults(faults: FaultOptions, seed?: number): void {
    this.faults = { ...faults };
    if (seed !== undefined) this.random = mulberry32(seed);
  }

  clearFaults(): void {
    this.faults = {};
  }

  /** Runs after every successful command; a test throws SimulatedCrashError here to stand for a crash. */
  afterEachCall(hook: AfterHook): () => void {
    this.afterHooks.push(hook);
    return () => this.afterHooks.splice(this.afterHooks.indexOf(hook), 1);
  }

  callCount(filter?: string): number {
    let total = 0;
    for (const [key, count] of this.calls)
      if (!filter || key === filter || key.startsWith(`${filter}.`)) total += count;
    return total;
  }

  resetCallCounts(): void {
    this.calls.clear();
    this.throttledCalls = 0;
  }

  error(service: SimService, code: string, message: string, status = 400): Error {
    return awsError(service, code, message, status);
  }

  async dispatch(service: SimService, command: string, input: unknown): Promise<object> {
    const key = `${service}.${command}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const affected = !this.faults.commands || this.faults.commands.includes(command);
    if (affected && this.faults.latencyMs) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
    if (affected && this.faults.throttleRate && this.random() < this.faults.throttleRate) {
      this.throttledCalls += 1;
      throw awsError(
        service,
        THROTTLING_CODES[service],
        'Rate exceeded (simulated)',
        service === 'EC2' ? 503 : 400,
      );
    }
    const handler = this.handlers.get(key);
    if (!handler) throw new SimUnsupportedCommandError(`the simulated account does not answer ${key}`);
    this.settle();
    const output = await handler(input ?? {});
    for (const hook of [...this.afterHooks]) hook({ service, command, input });
    return output;
  }

  /** Makes every client answer from this account. Calls never leave the process. */
  attach(clients: AwsClients): void {
    const answer: FinalizeRequestMiddleware<object, MetadataBearer> = (_next, context) => async (args) => {
      const service = CLIENT_SERVICES[context.clientName ?? ''];
      const command = (context.commandName ?? '').replace(/Command$/, '');
      if (!service) throw new SimUnsupportedCommandError(`no simulated service for ${context.clientName}`);
      const output = await this.dispatch(service, command, args.input);
      return { output: { $metadata: { httpStatusCode: 200, requestId: 'sim' }, ...output }, response: {} };
    };
    const options = {
      name: 'natOptimizerSimulatedAccount',
      relation: 'after',
      toMiddleware: 'retryMiddleware',
      override: true,
    } as const;
    clients.ec2.middlewareStack.addRelativeTo(answer, options);
    clients.cloudwatch.middlewareStack.addRelativeTo(answer, options);
    clients.logs.middlewareStack.addRelativeTo(answer, options);
    clients.sns.middlewareStack.addRelativeTo(answer, options);
    clients.eventbridge.middlewareStack.addRelativeTo(answer, options);
  }

  /** The state as a snapshot again, with capturedAt at the simulated clock. */
  toSnapshot(): Snapshot {
    this.settle();
    return { ...structuredClone(this.state), capturedAt: this.now().toISOString().replace('.000Z', 'Z') };
  }
}
