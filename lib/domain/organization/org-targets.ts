// Which account/region pairs an organisation run covers: from a targets file (accounts × regions) or from the
// accounts AWS Organizations lists, filtered by tags and state. Pure: the listing itself is lib/aws/organizations.ts.
import * as z from 'zod/mini';

export const ORG_JOBS = ['analyze', 'schedule', 'alert'] as const;
export type OrgJob = (typeof ORG_JOBS)[number];

export interface OrgTarget {
  accountId: string;
  region: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export class TargetsError extends Error {
  override name = 'TargetsError';
}

export function targetKey(target: OrgTarget): string {
  return `${target.accountId}/${target.region}`;
}

/** Stable order (account, then region) so reports and runs are reproducible. */
export function compareTargets(a: OrgTarget, b: OrgTarget): number {
  return a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region);
}

/** Every account in every region, each pair once. */
export function expandTargets(accountIds: readonly string[], regions: readonly string[]): OrgTarget[] {
  const pairs = new Map<string, OrgTarget>();
  for (const accountId of accountIds)
    for (const region of regions) pairs.set(targetKey({ accountId, region }), { accountId, region });
  return [...pairs.values()].sort(compareTargets);
}

const accountId = z.string().check(z.regex(ACCOUNT_ID, 'must be a 12-digit account id'));
const region = z.string().check(z.regex(REGION, 'must be a region code such as eu-west-1'));

/** `{ accounts: [...], regions: [...] }` (every pair) and/or `targets: [{ accountId, region }]` (single pairs). */
export const targetsFileSchema = z
  .object({
    accounts: z.optional(z.array(accountId)),
    regions: z.optional(z.array(region)),
    targets: z.optional(z.array(z.object({ accountId, region }))),
  })
  .check(
    z.refine((file) => (file.accounts === undefined) === (file.regions === undefined), {
      message: 'accounts and regions go together',
    }),
  );
export type TargetsFile = z.infer<typeof targetsFileSchema>;

export function targetsFromFile(file: TargetsFile): OrgTarget[] {
  const pairs = [...expandTargets(file.accounts ?? [], file.regions ?? []), ...(file.targets ?? [])];
  const unique = new Map(pairs.map((t) => [targetKey(t), t]));
  if (unique.size === 0) throw new TargetsError('the targets list names no account/region pair');
  return [...unique.values()].sort(compareTargets);
}

export function assertRegions(regions: readonly string[]): string[] {
  if (regions.length === 0) throw new TargetsError('no regions: name at least one region');
  for (const r of regions)
    if (!REGION.test(r)) throw new TargetsError(`region "${r}" is not a region code such as eu-west-1`);
  return [...new Set(regions)];
}

/** An account as Organizations lists it; `state` is `State`, or the older `Status` where State is absent. */
export interface OrgAccount {
  id: string;
  name: string;
  state: string;
  tags: Readonly<Record<string, string>>;
}

export interface AccountFilter {
  /** Every tag must be present with this value (`*`: any value). */
  tags: Readonly<Record<string, string>>;
  excludeAccountIds: readonly string[];
}

export interface AccountSelection {
  selected: OrgAccount[];
  skipped: Array<{ accountId: string; reason: string }>;
}

/** Only ACTIVE accounts can be worked on: suspended, closed or pending ones are skipped with the reason. */
export function selectAccounts(accounts: readonly OrgAccount[], filter: AccountFilter): AccountSelection {
  const selection: AccountSelection = { selected: [], skipped: [] };
  const excluded = new Set(filter.excludeAccountIds);
  for (const account of accounts) {
    const missing = Object.entries(filter.tags).find(
      ([key, value]) => account.tags[key] === undefined || (value !== '*' && account.tags[key] !== value),
    );
    if (account.state !== 'ACTIVE')
      selection.skipped.push({ accountId: account.id, reason: `account is ${account.state}` });
    else if (excluded.has(account.id))
      selection.skipped.push({ accountId: account.id, reason: 'excluded by configuration' });
    else if (missing)
      selection.skipped.push({ accountId: account.id, reason: `no tag ${missing[0]}=${missing[1]}` });
    else selection.selected.push(account);
  }
  selection.selected.sort((a, b) => a.id.localeCompare(b.id));
  return selection;
}

/** `key=value` pairs (CLI --account-tag, configuration): `key` alone means any value. */
export function parseTagFilter(pairs: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (key === '') throw new TargetsError(`account tag filter "${pair}" has no key (expected key=value)`);
    tags[key] = at < 0 ? '*' : pair.slice(at + 1).trim();
  }
  return tags;
}
