// The targets of an organisation run on AWS: a list given in configuration (or a file), or the ACTIVE accounts of
// the organisation that pass the OU and tag filters, each in every configured region.
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { listOrganizationAccounts } from '../../aws/organizations';
import type { OrgReport } from '../../domain/organization/org-result';
import {
  type AccountFilter,
  assertRegions,
  expandTargets,
  type OrgTarget,
  selectAccounts,
  TargetsError,
  targetsFileSchema,
  targetsFromFile,
} from '../../domain/organization/org-targets';

export type TargetSource =
  | { kind: 'list'; json: string; origin: string }
  | {
      kind: 'organization';
      parentIds: readonly string[];
      filter: AccountFilter;
      regions: readonly string[];
    };

export interface TargetListing {
  targets: OrgTarget[];
  skippedAccounts: OrgReport['skippedAccounts'];
}

function parseTargetsList(json: string, origin: string): OrgTarget[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new TargetsError(`${origin} is not JSON`);
  }
  const parsed = targetsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TargetsError(`${origin}: ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message}`);
  }
  return targetsFromFile(parsed.data);
}

export async function listTargets(
  source: TargetSource,
  organizations: () => OrganizationsClient,
): Promise<TargetListing> {
  if (source.kind === 'list')
    return { targets: parseTargetsList(source.json, source.origin), skippedAccounts: [] };
  const regions = assertRegions(source.regions);
  const accounts = await listOrganizationAccounts(organizations(), {
    parentIds: source.parentIds,
    withTags: Object.keys(source.filter.tags).length > 0,
  });
  const { selected, skipped } = selectAccounts(accounts, source.filter);
  if (selected.length === 0)
    throw new TargetsError(
      `no ACTIVE account passes the filters (${accounts.length} listed, ${skipped.length} left out)`,
    );
  return {
    targets: expandTargets(
      selected.map((a) => a.id),
      regions,
    ),
    skippedAccounts: skipped,
  };
}
