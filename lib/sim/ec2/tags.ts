// CreateTags / DeleteTags on the resources the snapshot models, with EC2's limits and its DeleteTags quirk.

import type { CreateTagsCommandInput, DeleteTagsCommandInput, Tag } from '@aws-sdk/client-ec2';
import {
  MAX_RESOURCES_PER_TAG_CALL,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  MAX_TAGS_PER_RESOURCE,
} from '../../domain/aws-limits';
import type { SimAccount } from '../sim-account';
import { invalidParameterValue, listGiven, missingParameter, refuseDryRun } from './ec2-errors';

const RESERVED_PREFIX = 'aws:';

export type TagRecord = Record<string, string>;

export function toTagList(tags: TagRecord | undefined): Tag[] {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

interface TaggableKind {
  prefix: string;
  code: string;
  noun: string;
  find: (sim: SimAccount, id: string) => { tags?: TagRecord | undefined } | undefined;
}

const TAGGABLE: TaggableKind[] = [
  {
    prefix: 'nat-',
    code: 'InvalidNatGatewayID.NotFound',
    noun: 'natGateway',
    find: (sim, id) => sim.state.natGateways.find((g) => g.natGatewayId === id),
  },
  {
    prefix: 'eipalloc-',
    code: 'InvalidAllocationID.NotFound',
    noun: 'allocation',
    find: (sim, id) => sim.state.elasticIps.find((e) => e.allocationId === id),
  },
  {
    prefix: 'rtb-',
    code: 'InvalidRouteTableID.NotFound',
    noun: 'routeTable',
    find: (sim, id) => sim.state.routeTables.find((t) => t.routeTableId === id),
  },
  {
    prefix: 'subnet-',
    code: 'InvalidSubnetID.NotFound',
    noun: 'subnet',
    find: (sim, id) => sim.state.subnets.find((s) => s.subnetId === id),
  },
  {
    prefix: 'vpc-',
    code: 'InvalidVpcID.NotFound',
    noun: 'vpc',
    find: (sim, id) => sim.state.vpcs.find((v) => v.vpcId === id),
  },
  {
    prefix: 'vpce-',
    code: 'InvalidVpcEndpointId.NotFound',
    noun: 'vpcEndpoint',
    find: (sim, id) => sim.state.vpcEndpoints.find((e) => e.vpcEndpointId === id),
  },
];

function resolve(sim: SimAccount, id: string): { tags?: TagRecord | undefined } {
  const kind = TAGGABLE.find((candidate) => id.startsWith(candidate.prefix));
  if (!kind) throw sim.error('EC2', 'InvalidID', `The ID '${id}' is not valid`);
  const resource = kind.find(sim, id);
  if (!resource) throw sim.error('EC2', kind.code, `The ${kind.noun} ID '${id}' does not exist`);
  return resource;
}

/** Checks tags as AWS does on CreateTags and on TagSpecifications of a create call. */
export function validateTags(sim: SimAccount, tags: Tag[]): TagRecord {
  const record: TagRecord = {};
  for (const { Key: key, Value: value = '' } of tags) {
    if (key === undefined || key === '') throw missingParameter(sim, 'Tag.Key');
    if (key.toLowerCase().startsWith(RESERVED_PREFIX)) {
      throw sim.error(
        'EC2',
        'InvalidTagKey.Malformed',
        `Tag keys starting with '${RESERVED_PREFIX}' are reserved for internal use`,
      );
    }
    if (key.length > MAX_TAG_KEY_LENGTH) {
      throw invalidParameterValue(
        sim,
        `Tag key exceeds the maximum length of ${MAX_TAG_KEY_LENGTH} characters`,
      );
    }
    if (value.length > MAX_TAG_VALUE_LENGTH) {
      throw invalidParameterValue(
        sim,
        `Tag value exceeds the maximum length of ${MAX_TAG_VALUE_LENGTH} characters`,
      );
    }
    record[key] = value;
  }
  return record;
}

export function checkTagCount(sim: SimAccount, tags: TagRecord): void {
  if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) {
    throw sim.error(
      'EC2',
      'TagLimitExceeded',
      `The maximum number of tags (${MAX_TAGS_PER_RESOURCE}) per resource has been reached`,
    );
  }
}

function deleteMatching(tags: TagRecord, requested: Tag[] | undefined): TagRecord {
  // No Tags at all (or an empty list, which the SDK does not send) deletes every user tag.
  if (!listGiven(requested)) return {};
  const kept = { ...tags };
  for (const { Key: key, Value: value } of requested) {
    if (key === undefined || !Object.hasOwn(kept, key)) continue;
    if (value === undefined || kept[key] === value) delete kept[key];
  }
  return kept;
}

/**
 * AWS documents the limit, not its error: EC2 answers ResourceCountExceeded ("You have exceeded the number of
 * resources allowed in a single call of this type") when a call names too many resources (inference).
 */
function checkResourceCount(sim: SimAccount, resources: readonly string[]): void {
  if (resources.length > MAX_RESOURCES_PER_TAG_CALL) {
    throw sim.error(
      'EC2',
      'ResourceCountExceeded',
      `You have exceeded the number of resources allowed in a single call of this type (${MAX_RESOURCES_PER_TAG_CALL})`,
    );
  }
}

export function registerTags(sim: SimAccount): void {
  sim.on<CreateTagsCommandInput>('EC2', 'CreateTags', (input) => {
    if (!listGiven(input.Resources)) throw missingParameter(sim, 'ResourceId');
    checkResourceCount(sim, input.Resources);
    if (!listGiven(input.Tags)) throw missingParameter(sim, 'Tag');
    const changes = validateTags(sim, input.Tags);
    // All or nothing: every resource is checked before any is changed.
    const updates = input.Resources.map((id) => {
      const resource = resolve(sim, id);
      const tags = { ...resource.tags, ...changes };
      checkTagCount(sim, tags);
      return { resource, tags };
    });
    refuseDryRun(sim, input);
    for (const { resource, tags } of updates) resource.tags = tags;
    return {};
  });

  sim.on<DeleteTagsCommandInput>('EC2', 'DeleteTags', (input) => {
    if (!listGiven(input.Resources)) throw missingParameter(sim, 'ResourceId');
    checkResourceCount(sim, input.Resources);
    const resources = input.Resources.map((id) => resolve(sim, id));
    refuseDryRun(sim, input);
    for (const resource of resources) resource.tags = deleteMatching(resource.tags ?? {}, input.Tags);
    return {};
  });
}

export function tagsFromList(tags: Tag[] | undefined): TagRecord {
  return Object.fromEntries((tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
}

/** For filters on described resources: `tag:<key>`, `tag-key`, `tag-value`. */
export function describedTags(resource: { Tags?: Tag[] | undefined }): TagRecord {
  return tagsFromList(resource.Tags);
}
