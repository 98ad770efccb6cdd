// STS of the simulated organisation, as a plugin for the STS client that fromTemporaryCredentials creates: it
// answers AssumeRole for the member roles of the accounts it knows and refuses the rest as STS does.
import type { FinalizeRequestMiddleware, Pluggable } from '@smithy/types';

export interface SimStsOptions {
  accountIds: ReadonlySet<string>;
  /** Role names that exist in every known account. */
  roleNames: ReadonlySet<string>;
  externalId: string;
  now: () => Date;
}

export interface SimSts {
  plugin: Pluggable<object, object>;
  /** AssumeRole requests answered, refusals included. */
  readonly calls: number;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(.+)$/;
const SESSION_SECONDS = 3600;

function accessDenied(roleArn: string): Error {
  return Object.assign(
    new Error(
      `User: arn:aws:sts::000000000000:assumed-role/nat-optimizer-hub/worker is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    ),
    {
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: { httpStatusCode: 403, requestId: 'sim-AccessDenied' },
    },
  );
}

export function simulatedSts(options: SimStsOptions): SimSts {
  let calls = 0;
  const answer: FinalizeRequestMiddleware<object, object> = (next, context) => async (args) => {
    if (context.commandName !== 'AssumeRoleCommand') return next(args);
    calls += 1;
    const input = args.input as { RoleArn?: string; ExternalId?: string; DurationSeconds?: number };
    const roleArn = input.RoleArn ?? '';
    const match = ROLE_ARN.exec(roleArn);
    const known = match && options.accountIds.has(match[1] ?? '') && options.roleNames.has(match[2] ?? '');
    // A role whose trust policy asks for an external id refuses a request without the right one, just as STS does.
    if (!known || input.ExternalId !== options.externalId) throw accessDenied(roleArn);
    const account = match[1] ?? '';
    const expiration = new Date(options.now().getTime() + (input.DurationSeconds ?? SESSION_SECONDS) * 1000);
    return {
      output: {
        $metadata: { httpStatusCode: 200, requestId: 'sim' },
        Credentials: {
          AccessKeyId: `ASIASIM${account}`,
          SecretAccessKey: 'SIMULATED',
          SessionToken: `SIMULATED-${account}`,
          Expiration: expiration,
        },
        AssumedRoleUser: {
          Arn: `${roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/sim`,
          AssumedRoleId: 'AROASIM:sim',
        },
      },
      response: {},
    };
  };
  return {
    plugin: {
      applyToStack: (stack) => {
        stack.addRelativeTo(answer, {
          name: 'natOptimizerSimulatedSts',
          relation: 'after',
          toMiddleware: 'retryMiddleware',
          override: true,
        });
      },
    },
    get calls() {
      return calls;
    },
  };
}
