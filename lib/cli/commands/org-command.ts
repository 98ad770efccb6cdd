// nat-optimizer org analyze|schedule|alert: one job over every account and region of an organisation, on a
// directory of snapshots (a simulated organisation) or on AWS through the member roles. Exit 1 only when every
// target failed; a target that fails is reported with its reason and the others go on.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createHubClients } from '../../aws/clients';
import { memberRuntimes } from '../../aws/member-runtime';
import { sdkRegion } from '../../aws/profile-region';
import { cliEnvironment, orgTargetConfig } from '../../config';
import { everyTargetFailed } from '../../domain/organization/org-result';
import { ORG_JOBS, type OrgJob, parseTagFilter } from '../../domain/organization/org-targets';
import { BadInputError, IncompleteRunError } from '../../errors';
import { renderOrgHtml } from '../../report/org-html';
import { renderOrgTable } from '../../report/org-table';
import { loadSnapshotDir } from '../../sim/sim-organization';
import { listTargets, type TargetSource } from '../../use-cases/organization/list-targets';
import { deliverOrgReport } from '../../use-cases/organization/org-deliver';
import { type OrgEntry, runOrganization } from '../../use-cases/organization/org-run';
import { emit, parseInstant } from '../cli-context';
import { registerMemberRole } from './org-member-role-command';

interface OrgOptions {
  snapshotDir?: string;
  targets?: string;
  organization?: boolean;
  ou: string[];
  accountTag: string[];
  excludeAccount: string[];
  regions?: string;
  rolePrefix: string;
  externalId?: string;
  concurrency: string;
  topicArn?: string;
  at?: string;
  date?: string;
  json?: boolean;
  format: string;
  output?: string;
  region?: string;
  profile?: string;
  apply?: boolean;
}

const MAX_CONCURRENCY = 40;
const collect = (value: string, previous: string[]) => [...previous, value];

function concurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY)
    throw new BadInputError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${text}"`,
    );
  return n;
}

function format(options: OrgOptions): 'table' | 'json' | 'html' {
  const f = options.json ? 'json' : options.format;
  if (f === 'table' || f === 'json' || f === 'html') return f;
  throw new BadInputError(`--format must be table, json or html, got "${f}"`);
}

async function targetSource(options: OrgOptions): Promise<TargetSource> {
  if (options.targets && options.organization)
    throw new BadInputError('give --targets or --organization, not both');
  if (options.targets) {
    const json = await readFile(options.targets, 'utf8').catch(() => {
      throw new BadInputError(`cannot read the targets file ${options.targets}`);
    });
    return { kind: 'list', json, origin: options.targets };
  }
  if (!options.organization)
    throw new BadInputError('name the targets: --snapshot-dir DIR, --targets FILE or --organization');
  return {
    kind: 'organization',
    parentIds: options.ou,
    filter: { tags: parseTagFilter(options.accountTag), excludeAccountIds: options.excludeAccount },
    regions: (options.regions ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
  };
}

async function run(job: OrgJob, options: OrgOptions): Promise<void> {
  const outputFormat = format(options);
  const limit = concurrency(options.concurrency);
  const at = options.at ? parseInstant(options.at, '--at') : undefined;
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    throw new BadInputError(`--date must be a day YYYY-MM-DD, got "${options.date}"`);
  const profile = options.profile ?? cliEnvironment().profile;
  const hubRegion = options.region ?? (options.snapshotDir ? undefined : await sdkRegion(profile));
  let entries: OrgEntry[];
  let skippedAccounts: Array<{ accountId: string; reason: string }> = [];
  const simulated = options.snapshotDir !== undefined;
  let open: (target: OrgEntry['target']) => Promise<Awaited<ReturnType<OrgEntry['open']>>>;
  if (options.snapshotDir) {
    if (options.targets || options.organization)
      throw new BadInputError(
        '--snapshot-dir is the whole organisation: no --targets or --organization with it',
      );
    const dirEntries = await loadSnapshotDir(options.snapshotDir, at ? { at } : {});
    entries = dirEntries;
    const byKey = new Map(dirEntries.map((e) => [`${e.target.accountId}/${e.target.region}`, e]));
    open = async (target) => {
      const entry = byKey.get(`${target.accountId}/${target.region}`);
      if (!entry) throw new BadInputError(`no snapshot for ${target.accountId}/${target.region}`);
      return entry.open();
    };
  } else {
    if (!hubRegion)
      throw new BadInputError(
        `no region for the hub: pass --region, set AWS_REGION, or set region in the ${profile ? `"${profile}"` : 'default'} profile of ~/.aws/config`,
      );
    if (!options.externalId)
      throw new BadInputError('--external-id is required on AWS (the member roles ask for it)');
    if (at && options.apply)
      throw new BadInputError('--at with --apply: on AWS a run acts now, without --at');
    const hub = createHubClients({ region: hubRegion, maxAttempts: 5, ...(profile ? { profile } : {}) });
    const listing = await listTargets(await targetSource(options), () => hub.organizations);
    skippedAccounts = listing.skippedAccounts;
    const members = memberRuntimes({
      rolePrefix: options.rolePrefix,
      externalId: options.externalId,
      hubRegion,
      maxAttempts: 5,
      apply: options.apply === true,
      ...(profile ? { profile } : {}),
    });
    open = async (target) => {
      const { runtime } = await members.open(target, job);
      return { runtime: at ? { ...runtime, now: () => at } : runtime };
    };
    entries = listing.targets.map((target) => ({ target, open: () => open(target) }));
  }
  const report = await runOrganization(entries, {
    job,
    concurrency: limit,
    configFor: orgTargetConfig,
    now: new Date(),
    skippedAccounts,
    ...(options.date ? { date: options.date } : {}),
  });
  const topicArn = options.topicArn;
  const delivery = await deliverOrgReport(report, {
    apply: simulated || options.apply === true,
    simulated,
    ...(topicArn && hubRegion
      ? { topicArn, sns: createHubClients({ region: hubRegion, maxAttempts: 5 }).sns }
      : {}),
    open,
  });
  const text = {
    json: () => JSON.stringify({ ...report, delivery }, null, 2),
    table: () => renderOrgTable(report),
    html: () => renderOrgHtml(report),
  }[outputFormat]();
  await emit(text, options);
  if (everyTargetFailed(report))
    throw new IncompleteRunError(`every one of the ${report.targets.length} targets failed (see the output)`);
}

export function registerOrg(program: Command): void {
  const org = program
    .command('org')
    .description(
      'run a job over every account and region of an organisation (exit 1 only if every target failed)',
    );
  for (const job of ORG_JOBS) {
    org
      .command(job)
      .description(`the ${job} job on every target`)
      .option('--snapshot-dir <dir>', 'a simulated organisation: one account snapshot per account/region')
      .option(
        '--targets <file>',
        'on AWS: JSON {"accounts":[…],"regions":[…]} and/or {"targets":[{accountId,region}]}',
      )
      .option('--organization', 'on AWS: the ACTIVE accounts of the organisation (AWS Organizations)')
      .option(
        '--ou <id>',
        'with --organization: only accounts under this OU (and its child OUs); repeatable',
        collect,
        [],
      )
      .option(
        '--account-tag <key=value>',
        'with --organization: only accounts with this tag (key alone: any value); repeatable',
        collect,
        [],
      )
      .option(
        '--exclude-account <id>',
        'with --organization: leave this account out; repeatable',
        collect,
        [],
      )
      .option('--regions <list>', 'with --organization: comma-separated regions')
      .option(
        '--role-prefix <name>',
        'member role names: <prefix>-analyze, -schedule, -alert',
        'nat-optimizer-org',
      )
      .option('--external-id <id>', 'on AWS: the external id the member roles require')
      .option('--concurrency <n>', 'targets at once (1-40)', '10')
      .option(
        '--topic-arn <arn>',
        'publish the one message of the run to this SNS topic (with --apply on AWS)',
      )
      .option('--at <instant>', 'schedule/alert: the instant of the run (on snapshots it sets each clock)')
      .option('--date <YYYY-MM-DD>', 'alert: the day to alert on')
      .option('--json', 'print JSON (same as --format json)')
      .option('--format <format>', 'table | json | html', 'table')
      .option('--output <file>', 'write the output to this file instead of stdout')
      .option(
        '--region <region>',
        "on AWS: the hub's region (STS, Organizations, SNS; default: AWS_REGION, then the profile's region)",
      )
      .option('--profile <profile>', "on AWS: the hub's credentials profile")
      .option('--apply', 'on AWS: carry out changes and send the message (default: read-only)')
      .action((options: OrgOptions) => run(job, options));
  }
  registerMemberRole(org);
}
