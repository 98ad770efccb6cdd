// The hub's result store on S3: one JSON object per target and run (the bucket expires them; serverless.hub.yml).
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { TargetResult } from '../domain/organization/org-result';
import { isTargetResult, type ResultStore, ResultStoreError } from '../domain/organization/result-store';
import { isAwsServiceError } from './aws-errors';

export function s3ResultStore(s3: S3Client, bucket: string): ResultStore {
  return {
    async put(key: string, result: TargetResult): Promise<void> {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: JSON.stringify(result),
          ContentType: 'application/json',
        }),
      );
    },
    async putText(key: string, body: string, contentType: string): Promise<void> {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async get(key: string): Promise<TargetResult | undefined> {
      let text: string | undefined;
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        text = await object.Body?.transformToString('utf8');
      } catch (error) {
        if (isAwsServiceError(error) && error.name === 'NoSuchKey') return undefined;
        throw error;
      }
      if (text === undefined) throw new ResultStoreError(`s3://${bucket}/${key} has no body`);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new ResultStoreError(`s3://${bucket}/${key} is not JSON`);
      }
      if (!isTargetResult(value)) throw new ResultStoreError(`s3://${bucket}/${key} is not a target result`);
      return value;
    },
  };
}
