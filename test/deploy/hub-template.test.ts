// The packaged hub (serverless.hub.yml): its state machines, their Map with concurrency, retry and catch, and the
// least privilege of each function. The spoke's own tests keep the single-account stack unchanged.
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { hubTemplate, stateMachineDefinition } from './hub-template';
import { allowedActions, resourcesOfType } from './packaged-template';

const MACHINES = ['OrgAnalyzeStateMachine', 'OrgScheduleStateMachine', 'OrgAlertStateMachine'] as const;

interface MapState {
  Type: string;
  ItemsPath: string;
  MaxConcurrency: number;
  ResultPath: string;
  ItemSelector: Record<string, string>;
  ItemProcessor: { ProcessorConfig: { Mode: string }; States: Record<string, Record<string, unknown>> };
}

function eachTarget(machine: string): MapState {
  return stateMachineDefinition(machine).States.EachTarget as unknown as MapState;
}

describe('packaged hub template', () => {
  it('should define one Standard state machine per job, each valid ASL', () => {
    const machines = resourcesOfType(hubTemplate(), 'AWS::StepFunctions::StateMachine').map(([id]) => id);
    expect(machines.sort()).toEqual([...MACHINES].sort());
    for (const machine of MACHINES) {
      const result = validator(stateMachineDefinition(machine));
      expect(result.errors).toEqual([]);
      expect(result.isValid).toBe(true);
    }
  });

  it('should go from the target list through the Map to the aggregate', () => {
    for (const machine of MACHINES) {
      const { StartAt, States } = stateMachineDefinition(machine);
      expect(StartAt).toBe('ListTargets');
      expect(States.ListTargets).toMatchObject({ Next: 'EachTarget' });
      expect(States.EachTarget).toMatchObject({ Type: 'Map', Next: 'Aggregate' });
      expect(States.Aggregate).toMatchObject({ End: true });
    }
  });

  it('should map over $.targets inline with a bounded concurrency, keeping each result in $.results', () => {
    for (const machine of MACHINES) {
      const map = eachTarget(machine);
      expect(map).toMatchObject({ ItemsPath: '$.targets', MaxConcurrency: 10, ResultPath: '$.results' });
      expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('INLINE');
      expect(map.ItemSelector).toMatchObject({
        'accountId.$': '$$.Map.Item.Value.accountId',
        'region.$': '$$.Map.Item.Value.region',
        'runId.$': '$.runId',
      });
    }
  });

  it('should retry each target on Lambda faults and throttling with exponential back-off and jitter', () => {
    const runJob = eachTarget('OrgAnalyzeStateMachine').ItemProcessor.States.RunJob;
    expect(runJob?.Retry).toEqual([
      {
        ErrorEquals: [
          'Lambda.ClientExecutionTimeoutException',
          'Lambda.ServiceException',
          'Lambda.AWSLambdaException',
          'Lambda.SdkClientException',
          'Lambda.TooManyRequestsException',
        ],
        IntervalSeconds: 2,
        MaxAttempts: 6,
        BackoffRate: 2,
        MaxDelaySeconds: 60,
        JitterStrategy: 'FULL',
      },
      {
        ErrorEquals: [
          'RequestLimitExceeded',
          'Throttling',
          'ThrottlingException',
          'TooManyRequestsException',
        ],
        IntervalSeconds: 10,
        MaxAttempts: 4,
        BackoffRate: 2,
        MaxDelaySeconds: 120,
        JitterStrategy: 'FULL',
      },
    ]);
  });

  it('should catch any error of a target into RecordFailure, so one target never fails the run', () => {
    const states = eachTarget('OrgAnalyzeStateMachine').ItemProcessor.States;
    expect(states.RunJob?.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' },
    ]);
    expect(states.RecordFailure?.Catch).toEqual([{ ErrorEquals: ['States.ALL'], Next: 'Unrecorded' }]);
    expect(states.Unrecorded).toMatchObject({ Type: 'Pass', Result: { status: 'failed' }, End: true });
  });

  it("should run each job's targets on that job's function only", () => {
    const fn = (machine: string) =>
      JSON.stringify(eachTarget(machine).ItemProcessor.States.RunJob?.Parameters);
    expect(fn('OrgAnalyzeStateMachine')).toContain('OrgAnalyzeTargetLambdaFunction');
    expect(fn('OrgScheduleStateMachine')).toContain('OrgScheduleTargetLambdaFunction');
    expect(fn('OrgAlertStateMachine')).toContain('OrgAlertTargetLambdaFunction');
  });

  it("should let each target function assume only its job's member role and write only run results", () => {
    for (const [fn, job] of [
      ['OrgAnalyzeTargetLambdaFunction', 'analyze'],
      ['OrgScheduleTargetLambdaFunction', 'schedule'],
      ['OrgAlertTargetLambdaFunction', 'alert'],
    ] as const) {
      const allowed = allowedActions(hubTemplate(), fn);
      const logs = [...allowed.keys()].filter((a) => a.startsWith('logs:'));
      expect([...allowed.keys()].filter((a) => !logs.includes(a)).sort()).toEqual([
        's3:PutObject',
        'sts:AssumeRole',
      ]);
      expect(JSON.stringify(allowed.get('sts:AssumeRole')?.[0]?.Resource)).toContain(
        `:role/nat-optimizer-org-${job}`,
      );
      expect(JSON.stringify(allowed.get('s3:PutObject')?.[0]?.Resource)).toContain('/runs/*');
    }
  });

  it('should start the scheduler state machine only when the hub is told to (spokes keep their own)', () => {
    const rules = resourcesOfType(hubTemplate(), 'AWS::Events::Rule');
    const schedule = rules.find(([id]) => id.startsWith('OrgSchedule'));
    expect(schedule?.[1].Properties?.State).toBe('DISABLED');
    const analyze = rules.find(([id]) => id.startsWith('OrgAnalyze'));
    expect(analyze?.[1].Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 * * ? *)',
      State: 'ENABLED',
    });
  });

  it('should keep the results bucket private, encrypted and expiring', () => {
    const bucket = hubTemplate().Resources.OrgResultBucket?.Properties;
    expect(bucket).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [{ Status: 'Enabled', Prefix: 'runs/', ExpirationInDays: 30 }] },
    });
  });
});
