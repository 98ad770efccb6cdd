// The simulated account: state from a snapshot, a clock, API-call accounting and fault injection.
// It answers at the SDK client (a middleware placed after the SDK's retry step), so adapters run unchanged.
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import type { AwsClients } from '../aws/clients';
import { paceEc2Requests, RequestPacer } from '../aws/request-pacing';
import { Ec2Throttle, type SimRateLimits } from './ec2-throttling';
import { SimMetricStore } from './metric-store';
import { SimClock, type SimClockMode } from './sim-clock';
import { awsError, type SimService, SimUnsupportedCommandError, THROTTLING_CODES } from './sim-errors';
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

export interface SimAccountOptions {
  timings?: Partial<SimTimings>;
  seed?: number;
  /** EC2's token buckets (default `aws`); `off` for unit-speed tests that do not count time. */
  rateLimits?: SimRateLimits;
  /** `frozen` (default) or `real-time` (see sim-clock.ts). */
  clock?: SimClockMode;
}

export class SimAccount {
  readonly state: Snapshot;
  readonly timings: SimTimings;
  /** Attempts per `Service.Command`, throttled ones included. */
  readonly calls = new Map<string, number>();
  /** Attempts answered with a throttling error: injected faults and empty EC2 buckets. */
  throttledCalls = 0;
  readonly ec2Throttle: Ec2Throttle;
  /** Datapoints from EMF lines and from scenarios, with when they become visible (alarm-evaluator.ts reads them). */
  readonly metricStore = new SimMetricStore();
  private readonly clock: SimClock;
  private readonly handlers = new Map<string, Handler>();
  private readonly settlers: Array<() => void> = [];
  private readonly afterHooks: AfterHook[] = [];
  private faults: FaultOptions = {};
  private random: () => number;

  constructor(snapshot: Snapshot, options: SimAccountOptions = {}) {
    this.state = structuredClone(snapshot);
    this.timings = { ...DEFAULT_SIM_TIMINGS, ...options.timings };
    this.clock = new SimClock(Date.parse(snapshot.capturedAt), options.clock);
    this.ec2Throttle = new Ec2Throttle(options.rateLimits ?? 'aws');
    this.random = mulberry32(options.seed ?? 42);
  }

  now(): Date {
    return new Date(this.clock.nowMs());
  }

  get clockMode(): SimClockMode {
    return this.clock.mode;
  }

  /** Moves the clock forward; an earlier instant is refused (the past cannot be replayed on this state). */
  setClock(at: Date): void {
    this.clock.set(at);
    this.settle();
  }

  advance(seconds: number): void {
    this.setClock(new Date(this.clock.nowMs() + seconds * 1000));
  }

  /** Lets `ms` of simulated time pass (frozen clock: at once; real-time clock: really). */
  sleep(ms: number): Promise<void> {
    return this.clock.sleep(ms, (seconds) => this.advance(seconds));
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
    this.ec2Throttle.refused = 0;
  }

  error(service: SimService, code: string, message: string, status = 400): Error {
    return awsError(service, code, message, status);
  }

  async dispatch(service: SimService, command: string, input: unknown): Promise<object> {
    const key = `${service}.${command}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    if (service === 'EC2') {
      try {
        this.ec2Throttle.admit(command, input, this.clock.nowMs());
      } catch (error) {
        this.throttledCalls += 1;
        throw error;
      }
    }
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

  /**
   * Makes every client answer from this account. Calls never leave the process. With EC2's buckets on, the EC2
   * client also paces itself on this clock, as it does on AWS on the real one (lib/aws/request-pacing.ts).
   */
  attach(clients: AwsClients, how: { pace?: boolean } = {}): void {
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
    if (this.ec2Throttle.mode === 'aws' && how.pace !== false) {
      paceEc2Requests(
        clients.ec2,
        new RequestPacer({ now: () => this.clock.nowMs(), sleep: (ms) => this.sleep(ms) }),
      );
    }
  }

  /** The state as a snapshot again, with capturedAt at the simulated clock. */
  toSnapshot(): Snapshot {
    this.settle();
    return { ...structuredClone(this.state), capturedAt: this.now().toISOString().replace('.000Z', 'Z') };
  }
}
