// Reading a snapshot file: JSON, then the schema, then the references between resources.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { referenceProblems } from './snapshot-references';
import { type Snapshot, snapshotSchema } from './snapshot-schema';

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${pathOf(issue.path) || '(root)'}: ${issue.message}`)
    .join('; ');
}

export function parseSnapshot(text: string, source = 'snapshot'): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success)
    throw new SnapshotError(
      `${source} is not a valid account snapshot: ${describeIssues(parsed.error.issues)}`,
    );
  const problems = referenceProblems(parsed.data);
  if (problems.length > 0)
    throw new SnapshotError(`${source} is not a valid account snapshot: ${problems.slice(0, 5).join('; ')}`);
  return parsed.data;
}

export async function loadSnapshotFile(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SnapshotError(
      `cannot read snapshot ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return parseSnapshot(text, path);
}
