// Runs a hub state machine (ASL) with aws-local-stepfunctions: each Task's lambda:invoke is
// bound to the project's own handler for that function, on the simulated organisation, and answers as the Lambda
// integration does (a function error arrives as Error = its type, Cause = Lambda's JSON error).
// aws-local-stepfunctions 3.0.0 calls Promise.withResolvers (Node 22); core-js provides it on Node 20.
import 'core-js/actual/promise/with-resolvers.js';
import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { HubDeps } from '../lib/use-cases/organization/hub-steps';

const FAKE_ACCOUNT = '123456789012';

process.env.NAT_OPTIMIZER_ORG_EXTERNAL_ID ??= 'test-external-id';
process.env.NAT_OPTIMIZER_ORG_BUCKET ??= 'test-results';
process.env.NAT_OPTIMIZER_ORG_JOB ??= 'analyze';

type Payload = Record<string, unknown>;
type Binding = (payload: Payload) => Promise<unknown>;

/** Called before a function runs; an Error returned is what that invocation fails with. */
export type FaultInjection = (functionLogicalId: string, payload: Payload) => Error | undefined;

export interface HubRun {
  output: unknown;
  /** StateEntered events: what Step Functions bills as state transitions. */
  transitions: number;
  retries: Array<{ state: string; error: string }>;
  invocations: Map<string, number>;
}

/** Lambda's answer to a failed function, as the lambda:invoke integration hands it to Retry and Catch. */
function functionError(error: unknown): Error {
  const type = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(JSON.stringify({ errorType: type, errorMessage: message })), { name: type });
}

async function bindings(deps: HubDeps): Promise<Map<string, Binding>> {
  const events = await import('../lib/events/org-events');
  const { orgTargetsHandler } = await import('../handlers/org-targets');
  const { orgTargetHandler } = await import('../handlers/org-target');
  const { orgRecordFailureHandler } = await import('../handlers/org-record-failure');
  const { orgAggregateHandler } = await import('../handlers/org-aggregate');
  const target =
    (job: 'analyze' | 'schedule' | 'alert'): Binding =>
    (p) =>
      orgTargetHandler(events.targetEventSchema.parse(p), () => 900, deps, job);
  return new Map<string, Binding>([
    ['OrgTargetsLambdaFunction', (p) => orgTargetsHandler(events.targetsEventSchema.parse(p), deps)],
    ['OrgAnalyzeTargetLambdaFunction', target('analyze')],
    ['OrgScheduleTargetLambdaFunction', target('schedule')],
    ['OrgAlertTargetLambdaFunction', target('alert')],
    [
      'OrgRecordFailureLambdaFunction',
      (p) => orgRecordFailureHandler(events.failureEventSchema.parse(p), deps),
    ],
    ['OrgAggregateLambdaFunction', (p) => orgAggregateHandler(events.aggregateEventSchema.parse(p), deps)],
  ]);
}

/** The function ARN a `{ Fn::GetAtt: [id, Arn] }` stands for, in a fake hub account. */
export function fakeFunctionArn(logicalId: string): string {
  return `arn:aws:lambda:us-east-1:${FAKE_ACCOUNT}:function:${logicalId}`;
}

export async function runHubStateMachine(
  definition: StateMachineDefinition,
  deps: HubDeps,
  options: {
    input?: Parameters<StateMachine['run']>[0];
    executionName?: string;
    faults?: FaultInjection;
  } = {},
): Promise<HubRun> {
  const byFunction = await bindings(deps);
  const invocations = new Map<string, number>();
  const invoke = async (input: unknown) => {
    const { FunctionName, Payload } = input as { FunctionName: string; Payload: Payload };
    const logicalId = FunctionName.split(':function:')[1] ?? '';
    const binding = byFunction.get(logicalId);
    if (!binding) throw new Error(`no handler bound to ${FunctionName}`);
    invocations.set(logicalId, (invocations.get(logicalId) ?? 0) + 1);
    const injected = options.faults?.(logicalId, Payload);
    if (injected) throw injected;
    try {
      // Lambda hands back the function's result as JSON.
      const result = JSON.parse(JSON.stringify(await binding(Payload)));
      return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: result };
    } catch (error) {
      throw functionError(error);
    }
  };
  const taskStates = ['ListTargets', 'RunJob', 'RecordFailure', 'Aggregate'];
  const name = options.executionName ?? 'test-run';
  const machineArn = `arn:aws:states:us-east-1:${FAKE_ACCOUNT}:stateMachine:nat-optimizer-hub`;
  const run: RunOptions = {
    overrides: {
      taskResourceLocalHandlers: Object.fromEntries(taskStates.map((s) => [s, invoke])),
      // The retriers themselves (which errors, how many attempts) run as defined; only the waits are cut.
      retryIntervalOverrides: Object.fromEntries(taskStates.map((s) => [s, 0])),
    },
    context: {
      Execution: { Name: name, Id: `${machineArn.replace(':stateMachine:', ':execution:')}:${name}` },
      StateMachine: { Id: machineArn },
    },
  };
  const execution = new StateMachine(definition).run(options.input ?? { date: null }, run);
  let transitions = 0;
  const retries: HubRun['retries'] = [];
  const logging = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') transitions += 1;
      if (event.type === 'StateRetried') retries.push({ state: event.state.name, error: '' });
    }
  })();
  const output = await execution.result;
  await logging;
  return { output, transitions, retries, invocations };
}
