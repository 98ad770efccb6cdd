// One contract for the hub's result store on S3 (the adapter over a mocked S3 that keeps objects) and in memory.

import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { s3ResultStore } from '../../lib/aws/result-store';
import { failedTarget } from '../../lib/domain/organization/org-result';
import { type ResultStore, ResultStoreError, resultKey } from '../../lib/domain/organization/result-store';
import { memoryResultStore } from '../../lib/sim/memory-result-store';

function s3Store(): ResultStore {
  const objects = new Map<string, string>();
  const s3 = mockClient(S3Client);
  s3.on(PutObjectCommand).callsFake((input: { Key: string; Body: string }) => {
    objects.set(input.Key, input.Body);
    return {};
  });
  s3.on(GetObjectCommand).callsFake((input: { Key: string }) => {
    const body = objects.get(input.Key);
    if (body === undefined)
      throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    // The part of the SDK's stream body the adapter reads.
    return { Body: { transformToString: async () => body } };
  });
  return s3ResultStore(new S3Client({ region: 'us-east-1' }), 'results');
}

const TARGET = { accountId: '111111111111', region: 'us-east-1' };

describe.each([
  ['S3', s3Store],
  ['memory', memoryResultStore],
])('result store (%s)', (_name, create) => {
  it('should give back what was put under a key', async () => {
    const store = create();
    const key = resultKey('run-1', 'analyze', TARGET);
    await store.put(key, failedTarget(TARGET, 'AccessDenied: no role'));
    expect(await store.get(key)).toEqual(failedTarget(TARGET, 'AccessDenied: no role'));
  });

  it('should answer undefined for a key nothing was put under', async () => {
    expect(await create().get(resultKey('run-1', 'analyze', TARGET))).toBeUndefined();
  });

  it('should refuse to read back an object that is not a target result', async () => {
    const store = create();
    await store.putText('runs/run-1/analyze/report.json', '{"job":"analyze"}', 'application/json');
    await expect(store.get('runs/run-1/analyze/report.json')).rejects.toThrow(ResultStoreError);
  });
});

describe('resultKey', () => {
  it('should refuse a run id that cannot be part of an S3 key as given', () => {
    expect(() => resultKey('../etc', 'analyze', TARGET)).toThrow(ResultStoreError);
  });
});
