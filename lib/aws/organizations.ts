// The accounts of an organisation, from AWS Organizations: every account (ListAccounts), or those under some
// organisational units and all their child OUs (ListOrganizationalUnitsForParent, ListAccountsForParent), each with
// its tags when a filter needs them. Every list is read with the SDK's paginators.
import {
  type Account,
  type OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListTagsForResource,
} from '@aws-sdk/client-organizations';
import pLimit from 'p-limit';
import type { OrgAccount } from '../domain/organization/org-targets';

/** Tag reads at once: Organizations' request quotas are low; the SDK retries its throttling. */
const CONCURRENT_TAG_READS = 2;

export interface ListAccountsOptions {
  /** OU ids (`ou-…`) or a root id (`r-…`); every account of the organisation when empty. */
  parentIds: readonly string[];
  /** Read each account's tags (only needed to filter on them). */
  withTags: boolean;
}

async function childOus(org: OrganizationsClient, parentId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListOrganizationalUnitsForParent({ client: org }, { ParentId: parentId }))
    for (const ou of page.OrganizationalUnits ?? []) if (ou.Id) ids.push(ou.Id);
  const nested = await Promise.all(ids.map((id) => childOus(org, id)));
  return [...ids, ...nested.flat()];
}

async function accountsUnder(org: OrganizationsClient, parentIds: readonly string[]): Promise<Account[]> {
  const parents = new Set(parentIds);
  for (const id of parentIds) for (const child of await childOus(org, id)) parents.add(child);
  const accounts: Account[] = [];
  for (const parentId of parents)
    for await (const page of paginateListAccountsForParent({ client: org }, { ParentId: parentId }))
      accounts.push(...(page.Accounts ?? []));
  return accounts;
}

async function allAccounts(org: OrganizationsClient): Promise<Account[]> {
  const accounts: Account[] = [];
  for await (const page of paginateListAccounts({ client: org }, {})) accounts.push(...(page.Accounts ?? []));
  return accounts;
}

async function accountTags(org: OrganizationsClient, accountId: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  for await (const page of paginateListTagsForResource({ client: org }, { ResourceId: accountId }))
    for (const tag of page.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  return tags;
}

/** `State` is the current field; `Status` (retired by AWS in September 2026) is read where State is absent. */
function accountState(account: Account): string {
  return account.State ?? account.Status ?? 'UNKNOWN';
}

export async function listOrganizationAccounts(
  org: OrganizationsClient,
  options: ListAccountsOptions,
): Promise<OrgAccount[]> {
  const listed =
    options.parentIds.length > 0 ? await accountsUnder(org, options.parentIds) : await allAccounts(org);
  const unique = new Map(listed.flatMap((a) => (a.Id ? [[a.Id, a] as const] : [])));
  const limit = pLimit(CONCURRENT_TAG_READS);
  return Promise.all(
    [...unique.values()].map((account) =>
      limit(async () => {
        const id = account.Id ?? '';
        // Tags of an account that cannot be worked on are not needed (and cost a call each).
        const needsTags = options.withTags && accountState(account) === 'ACTIVE';
        return {
          id,
          name: account.Name ?? id,
          state: accountState(account),
          tags: needsTags ? await accountTags(org, id) : {},
        };
      }),
    ),
  );
}
