// The hub's state machines, one per job (serverless.hub.yml: ${file(sls/hub/state-machines.cjs):<job>}).
// Each: ListTargets → EachTarget, an Inline Map with bounded concurrency whose item retries transient errors with
// back-off and catches everything else into RecordFailure (one target never fails the run) → Aggregate.
// Why Inline, the concurrency and the retry figures: docs/organizations.md.

/**
 * Lambda's own transient faults as the lambda:invoke integration names them: AWS's recommended retrier
 * (https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html) and Lambda throttling.
 */
const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];
/** A member account's API still throttling after the SDK's own retries: the function fails with the AWS code. */
const THROTTLING_ERRORS = [
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
];

const lambdaServiceRetry = {
  ErrorEquals: LAMBDA_SERVICE_ERRORS,
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
};
const throttlingRetry = {
  ErrorEquals: THROTTLING_ERRORS,
  IntervalSeconds: 10,
  MaxAttempts: 4,
  BackoffRate: 2,
  MaxDelaySeconds: 120,
  JitterStrategy: 'FULL',
};

const invoke = (logicalId) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: { 'Fn::GetAtt': [logicalId, 'Arn'] }, 'Payload.$': '$' },
});

const TARGET_FUNCTIONS = {
  analyze: 'OrgAnalyzeTargetLambdaFunction',
  schedule: 'OrgScheduleTargetLambdaFunction',
  alert: 'OrgAlertTargetLambdaFunction',
};

/** A target's job may take up to the function's timeout; the state waits a little longer, then records it failed. */
const TARGET_TIMEOUT_SECONDS = 960;

function definition(job, concurrency) {
  return {
    Comment: `nat-optimizer: the ${job} job on every account and region of the organisation`,
    StartAt: 'ListTargets',
    States: {
      ListTargets: {
        ...invoke('OrgTargetsLambdaFunction'),
        Parameters: {
          FunctionName: { 'Fn::GetAtt': ['OrgTargetsLambdaFunction', 'Arn'] },
          Payload: {
            job,
            'date.$': '$.date',
            'runId.$': '$$.Execution.Name',
            'stateMachineArn.$': '$$.StateMachine.Id',
            'executionArn.$': '$$.Execution.Id',
          },
        },
        ResultSelector: {
          'job.$': '$.Payload.job',
          'runId.$': '$.Payload.runId',
          'date.$': '$.Payload.date',
          'at.$': '$.Payload.at',
          'targets.$': '$.Payload.targets',
          'skippedAccounts.$': '$.Payload.skippedAccounts',
        },
        Retry: [lambdaServiceRetry],
        Next: 'EachTarget',
      },
      EachTarget: {
        Type: 'Map',
        ItemsPath: '$.targets',
        MaxConcurrency: concurrency,
        ItemSelector: {
          'job.$': '$.job',
          'runId.$': '$.runId',
          'date.$': '$.date',
          'accountId.$': '$$.Map.Item.Value.accountId',
          'region.$': '$$.Map.Item.Value.region',
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'RunJob',
          States: {
            RunJob: {
              ...invoke(TARGET_FUNCTIONS[job]),
              ResultSelector: { 'status.$': '$.Payload.status' },
              TimeoutSeconds: TARGET_TIMEOUT_SECONDS,
              Retry: [lambdaServiceRetry, throttlingRetry],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' }],
              End: true,
            },
            RecordFailure: {
              ...invoke('OrgRecordFailureLambdaFunction'),
              ResultSelector: { 'status.$': '$.Payload.status' },
              Retry: [{ ...lambdaServiceRetry, ErrorEquals: ['States.ALL'], MaxAttempts: 3 }],
              Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Unrecorded' }],
              End: true,
            },
            // Even the failure could not be stored: the aggregate reports the target as failed without a reason.
            Unrecorded: { Type: 'Pass', Result: { status: 'failed' }, End: true },
          },
        },
        ResultPath: '$.results',
        Next: 'Aggregate',
      },
      Aggregate: {
        ...invoke('OrgAggregateLambdaFunction'),
        ResultSelector: { 'report.$': '$.Payload' },
        Retry: [lambdaServiceRetry],
        End: true,
      },
    },
  };
}

module.exports = async ({ resolveVariable }) => {
  const concurrency = Number(await resolveVariable('param:orgConcurrency'));
  return Object.fromEntries(Object.keys(TARGET_FUNCTIONS).map((job) => [job, definition(job, concurrency)]));
};
