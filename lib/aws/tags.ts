// Tag writes. DeleteTags without keys would wipe every user tag of a resource: this module never sends that.

import { CreateTagsCommand, DeleteTagsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { MAX_RESOURCES_PER_TAG_CALL } from '../domain/aws-limits';
import type { Tags } from '../domain/model';

export class TagWriteError extends Error {
  override name = 'TagWriteError';
}

export async function writeTags(ec2: EC2Client, resourceIds: string[], tags: Tags): Promise<void> {
  const entries = Object.entries(tags);
  if (entries.length === 0 || resourceIds.length === 0) return;
  for (let i = 0; i < resourceIds.length; i += MAX_RESOURCES_PER_TAG_CALL) {
    await ec2.send(
      new CreateTagsCommand({
        Resources: resourceIds.slice(i, i + MAX_RESOURCES_PER_TAG_CALL),
        Tags: entries.map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
}

/** Deletes exactly these keys, whatever their values. */
export async function removeTags(ec2: EC2Client, resourceIds: string[], keys: string[]): Promise<void> {
  if (keys.length === 0 || resourceIds.length === 0) return;
  if (keys.some((key) => key.trim() === ''))
    throw new TagWriteError('refusing to delete a tag with an empty key');
  for (let i = 0; i < resourceIds.length; i += MAX_RESOURCES_PER_TAG_CALL) {
    await ec2.send(
      new DeleteTagsCommand({
        Resources: resourceIds.slice(i, i + MAX_RESOURCES_PER_TAG_CALL),
        Tags: keys.map((Key) => ({ Key })),
      }),
    );
  }
}
