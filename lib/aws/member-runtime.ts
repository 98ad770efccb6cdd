// The hub's way into a member account: the job's role there, assumed with STS (an external id in every request),
// one credential provider per role for the whole run (fromTemporaryCredentials caches and refreshes it), and
// clients in the target's region that use it.
import type { AwsCredentialIdentityProvider, Pluggable } from '@smithy/types';
import type { OrgJob, OrgTarget } from '../domain/organization/org-targets';
import type { Runtime } from '../runtime';
import { awsRuntime } from './aws-runtime';
import { type AwsClients, assumedRoleCredentials, createClients } from './clients';

export interface MemberAccess {
  /** Role names in every member account: `<prefix>-analyze`, `-schedule`, `-alert` (the member-role template). */
  rolePrefix: string;
  externalId: string;
  /** The hub's region: where STS is called. */
  hubRegion: string;
  maxAttempts: number;
  apply: boolean;
  /** The hub's own credentials from a CLI profile; the default chain when absent. */
  profile?: string;
  stsPlugins?: Pluggable<object, object>[];
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function memberRoleName(rolePrefix: string, job: OrgJob): string {
  return `${rolePrefix}-${job}`;
}

export function memberRoleArn(
  access: Pick<MemberAccess, 'rolePrefix' | 'hubRegion'>,
  target: OrgTarget,
  job: OrgJob,
) {
  return `arn:${partitionOf(access.hubRegion)}:iam::${target.accountId}:role/${memberRoleName(access.rolePrefix, job)}`;
}

export interface MemberRuntimes {
  /** Clients in the target's account and region; the role is assumed (once per account and job) before returning. */
  open(target: OrgTarget, job: OrgJob): Promise<{ runtime: Runtime; clients: AwsClients }>;
  /** Roles assumed so far (one provider each). */
  readonly roles: number;
}

export function memberRuntimes(access: MemberAccess): MemberRuntimes {
  const providers = new Map<string, AwsCredentialIdentityProvider>();
  return {
    get roles() {
      return providers.size;
    },
    async open(target, job) {
      const roleArn = memberRoleArn(access, target, job);
      let credentials = providers.get(roleArn);
      if (!credentials) {
        credentials = assumedRoleCredentials({
          roleArn,
          externalId: access.externalId,
          sessionName: `nat-optimizer-${job}`,
          region: access.hubRegion,
          ...(access.profile ? { profile: access.profile } : {}),
          ...(access.stsPlugins ? { stsPlugins: access.stsPlugins } : {}),
        });
        providers.set(roleArn, credentials);
      }
      // A role that is missing or does not trust the hub fails here, with STS's reason, before any other call.
      await credentials();
      const clients = createClients({ region: target.region, maxAttempts: access.maxAttempts, credentials });
      const runtime = awsRuntime({
        region: target.region,
        maxAttempts: access.maxAttempts,
        apply: access.apply,
        clients,
      });
      return { runtime, clients };
    },
  };
}
