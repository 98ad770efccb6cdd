// The hub's result store in memory, for the simulated organisation: each value goes through JSON as it would to
// S3 and back, so nothing that cannot be stored survives a round trip here either.
import type { TargetResult } from '../domain/organization/org-result';
import { isTargetResult, type ResultStore, ResultStoreError } from '../domain/organization/result-store';

export interface MemoryResultStore extends ResultStore {
  readonly objects: Map<string, string>;
}

export function memoryResultStore(): MemoryResultStore {
  const objects = new Map<string, string>();
  return {
    objects,
    async put(key: string, result: TargetResult): Promise<void> {
      objects.set(key, JSON.stringify(result));
    },
    async putText(key: string, body: string): Promise<void> {
      objects.set(key, body);
    },
    async get(key: string): Promise<TargetResult | undefined> {
      const text = objects.get(key);
      if (text === undefined) return undefined;
      const value: unknown = JSON.parse(text);
      if (!isTargetResult(value)) throw new ResultStoreError(`${key} is not a target result`);
      return value;
    },
  };
}
