// Listing an organisation's accounts: every page, child OUs, tags only where a filter needs them, State over Status.
import {
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { listOrganizationAccounts } from '../../lib/aws/organizations';
import { selectAccounts } from '../../lib/domain/organization/org-targets';

const org = mockClient(OrganizationsClient);
const client = new OrganizationsClient({ region: 'us-east-1' });

beforeEach(() => org.reset());

describe('listOrganizationAccounts', () => {
  it('should read every page of ListAccounts and prefer State to the retired Status', async () => {
    // Prepare
    org
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves({
        Accounts: [{ Id: '111111111111', Name: 'a', State: 'ACTIVE', Status: 'ACTIVE' }],
        NextToken: 'p2',
      })
      .on(ListAccountsCommand, { NextToken: 'p2' })
      .resolves({
        Accounts: [
          { Id: '222222222222', Name: 'b', State: 'CLOSED', Status: 'SUSPENDED' },
          { Id: '333333333333', Name: 'c', Status: 'SUSPENDED' },
        ],
      });

    // Act
    const accounts = await listOrganizationAccounts(client, { parentIds: [], withTags: false });

    // Assess
    expect(accounts.map((a) => [a.id, a.state])).toEqual([
      ['111111111111', 'ACTIVE'],
      ['222222222222', 'CLOSED'],
      ['333333333333', 'SUSPENDED'],
    ]);
    expect(org).toHaveReceivedCommandTimes(ListTagsForResourceCommand, 0);
  });

  it('should walk child OUs and read tags of active accounts only', async () => {
    // Prepare
    org
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-root-1' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-child-1' }] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-child-1' })
      .resolves({ OrganizationalUnits: [] })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-root-1' })
      .resolves({ Accounts: [{ Id: '111111111111', State: 'ACTIVE' }] })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-child-1' })
      .resolves({
        Accounts: [
          { Id: '222222222222', State: 'ACTIVE' },
          { Id: '444444444444', State: 'SUSPENDED' },
        ],
      })
      .on(ListTagsForResourceCommand, { ResourceId: '111111111111' })
      .resolves({ Tags: [{ Key: 'env', Value: 'prod' }] })
      .on(ListTagsForResourceCommand, { ResourceId: '222222222222' })
      .resolves({ Tags: [{ Key: 'env', Value: 'dev' }] });

    // Act
    const accounts = await listOrganizationAccounts(client, { parentIds: ['ou-root-1'], withTags: true });
    const selection = selectAccounts(accounts, { tags: { env: 'prod' }, excludeAccountIds: [] });

    // Assess
    expect(selection.selected.map((a) => a.id)).toEqual(['111111111111']);
    expect(selection.skipped).toEqual([
      { accountId: '222222222222', reason: 'no tag env=prod' },
      { accountId: '444444444444', reason: 'account is SUSPENDED' },
    ]);
    expect(org).not.toHaveReceivedCommandWith(ListTagsForResourceCommand, { ResourceId: '444444444444' });
  });
});
