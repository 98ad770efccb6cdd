// What the hub's Lambda functions run with on AWS: the hub's own clients (Organizations, S3, SNS), the member
// roles through STS, and the run's result bucket. Built once per container, at cold start.
import { createHubClients } from '../../aws/clients';
import { otherRunningExecution } from '../../aws/executions';
import { memberRuntimes } from '../../aws/member-runtime';
import { s3ResultStore } from '../../aws/result-store';
import { type ConfigOf, orgTargetConfig } from '../../config';
import { requireOrgSetting } from '../../config/org-config';
import type { HubDeps } from './hub-steps';
import { listTargets, type TargetSource } from './list-targets';

function targetSource(config: ConfigOf<'org'>): TargetSource {
  const { org } = config;
  if (org.targetsJson) return { kind: 'list', json: org.targetsJson, origin: 'NAT_OPTIMIZER_ORG_TARGETS' };
  return {
    kind: 'organization',
    parentIds: org.parentIds,
    filter: { tags: org.accountTags, excludeAccountIds: org.excludeAccountIds },
    regions: org.regions,
  };
}

export function awsHubDeps(config: ConfigOf<'core' | 'org'>): HubDeps {
  const { core, org } = config;
  const hub = createHubClients({ region: core.region, maxAttempts: core.maxAttempts });
  const members = memberRuntimes({
    rolePrefix: org.rolePrefix,
    externalId: requireOrgSetting(org.externalId, 'NAT_OPTIMIZER_ORG_EXTERNAL_ID'),
    hubRegion: core.region,
    maxAttempts: core.maxAttempts,
    apply: true,
  });
  return {
    listTargets: () => listTargets(targetSource(config), () => hub.organizations),
    otherRunningExecution: (stateMachineArn, executionArn) =>
      otherRunningExecution(hub.sfn, stateMachineArn, executionArn),
    open: async (target, job) => ({ runtime: (await members.open(target, job)).runtime }),
    store: s3ResultStore(hub.s3, requireOrgSetting(org.bucket, 'NAT_OPTIMIZER_ORG_BUCKET')),
    configFor: orgTargetConfig,
    now: () => new Date(),
    sns: hub.sns,
    ...(core.topicArn ? { topicArn: core.topicArn } : {}),
    simulated: false,
  };
}
