// Contract: CreateTags / DeleteTags with EC2's limits, its overwrite rule and its delete-everything quirk.
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeNatGatewaysCommand,
  type Tag,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../lib/aws/clients';
import { EXAMPLE, exampleAccount } from './sim-ec2-fixture';

const TAG_LIMIT = 50;

async function devNatTags(clients: AwsClients): Promise<Record<string, string>> {
  const { NatGateways } = await clients.ec2.send(
    new DescribeNatGatewaysCommand({ NatGatewayIds: [EXAMPLE.devNat] }),
  );
  return Object.fromEntries((NatGateways?.[0]?.Tags ?? []).map((tag) => [tag.Key, tag.Value]));
}

describe('simulated EC2: tags', () => {
  it('should overwrite existing keys and add new ones with CreateTags', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(
      new CreateTagsCommand({
        Resources: [EXAMPLE.devNat],
        Tags: [
          { Key: 'env', Value: 'sandbox' },
          { Key: 'team', Value: 'net' },
        ],
      }),
    );
    expect(await devNatTags(clients)).toMatchObject({ env: 'sandbox', team: 'net', Name: 'dev-nat-a' });
  });

  it('should refuse more than 50 tags on a resource with TagLimitExceeded and apply none', async () => {
    const { clients } = await exampleAccount();
    const before = await devNatTags(clients);
    const extra: Tag[] = Array.from({ length: TAG_LIMIT - Object.keys(before).length + 1 }, (_, i) => ({
      Key: `k${i}`,
      Value: 'v',
    }));
    const answer = clients.ec2.send(new CreateTagsCommand({ Resources: [EXAMPLE.devNat], Tags: extra }));
    await expect(answer).rejects.toMatchObject({ name: 'TagLimitExceeded' });
    expect(await devNatTags(clients)).toEqual(before);
  });

  it('should refuse a tag call naming more than 1,000 resources and tag none of them', async () => {
    const { clients } = await exampleAccount();
    const resources = [EXAMPLE.devNat, ...Array.from({ length: 1000 }, () => EXAMPLE.devPrivateTable)];
    const answer = clients.ec2.send(
      new CreateTagsCommand({ Resources: resources, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'ResourceCountExceeded' });
    expect(await devNatTags(clients)).not.toHaveProperty('k');
  });

  it('should refuse a key starting with aws: with InvalidTagKey.Malformed', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new CreateTagsCommand({ Resources: [EXAMPLE.devNat], Tags: [{ Key: 'aws:owner', Value: 'x' }] }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidTagKey.Malformed' });
  });

  it('should refuse a key longer than 127 characters with InvalidParameterValue', async () => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new CreateTagsCommand({ Resources: [EXAMPLE.devNat], Tags: [{ Key: 'k'.repeat(128), Value: 'x' }] }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });

  it.each([
    ['rtb-0dead', 'InvalidRouteTableID.NotFound'],
    ['eipalloc-0dead', 'InvalidAllocationID.NotFound'],
    ['subnet-0dead', 'InvalidSubnetID.NotFound'],
  ])('should refuse tags on the unknown resource %s with %s', async (resource, code) => {
    const { clients } = await exampleAccount();
    const answer = clients.ec2.send(
      new CreateTagsCommand({ Resources: [resource], Tags: [{ Key: 'a', Value: 'b' }] }),
    );
    await expect(answer).rejects.toMatchObject({ name: code });
  });

  it('should delete a key whatever its value when DeleteTags gives no Value', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(new DeleteTagsCommand({ Resources: [EXAMPLE.devNat], Tags: [{ Key: 'env' }] }));
    expect(await devNatTags(clients)).not.toHaveProperty('env');
  });

  it('should keep a key when DeleteTags gives a different Value', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(
      new DeleteTagsCommand({ Resources: [EXAMPLE.devNat], Tags: [{ Key: 'env', Value: 'prod' }] }),
    );
    expect(await devNatTags(clients)).toHaveProperty('env', 'dev');
  });

  it('should delete every user tag when DeleteTags has no Tags', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(new DeleteTagsCommand({ Resources: [EXAMPLE.devNat] }));
    expect(await devNatTags(clients)).toEqual({});
  });

  it('should delete every user tag when DeleteTags has an empty Tags list, which the SDK does not send', async () => {
    const { clients } = await exampleAccount();
    await clients.ec2.send(new DeleteTagsCommand({ Resources: [EXAMPLE.devNat], Tags: [] }));
    expect(await devNatTags(clients)).toEqual({});
  });
});
