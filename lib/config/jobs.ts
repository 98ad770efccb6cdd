// Which configuration sections each job validates. A Lambda function (named as in serverless.yml) or a CLI command
// starts only if its own sections are valid, whatever the others say: the failover function reads no price,
// threshold or alert setting, so a malformed one cannot stop it. The deploy-time check (sls/plugins) uses this too.

export const JOB_SECTIONS = {
  /** The nightly run: analysis, figures, report, failover alarm sync, opt-in endpoint auto-apply. */
  analyze: ['core', 'pricing', 'analysis', 'endpoints', 'failover'],
  /** The daily cost alert (with the findings of the alerted gateways). */
  costAlert: ['core', 'pricing', 'analysis', 'alert'],
  schedule: ['core', 'schedule'],
  failover: ['core', 'failover'],
  /** The egress probe runs without AWS clients: its own settings only. */
  egressProbe: ['probe'],
  /** CLI: a schedule replay also prices what parking saved. */
  scheduleReplay: ['core', 'schedule', 'pricing'],
  /** CLI: `endpoints` and `flow-logs setup`. */
  endpoints: ['core', 'pricing', 'analysis', 'endpoints'],
  /** CLI: `alarms sync`. */
  alarmSync: ['core', 'failover'],
  /** The organisation hub (serverless.hub.yml): listing targets, recording failures, the report. */
  orgTargets: ['core', 'org'],
  orgRecordFailure: ['core', 'org'],
  orgAggregate: ['core', 'org'],
  /** One target of an organisation run (any of the three jobs, each in the target's region); CLI `org …`. */
  orgTarget: ['core', 'pricing', 'analysis', 'alert', 'schedule', 'org'],
} as const;

export type Job = keyof typeof JOB_SECTIONS;

/** The Lambda functions of the stack (serverless.yml `functions`), each with the job it runs. */
export const FUNCTION_JOBS = {
  analyze: 'analyze',
  costAlert: 'costAlert',
  schedule: 'schedule',
  failover: 'failover',
  egressProbe: 'egressProbe',
} as const satisfies Record<string, Job>;

export function isFunctionName(name: string): name is keyof typeof FUNCTION_JOBS {
  return Object.hasOwn(FUNCTION_JOBS, name);
}
