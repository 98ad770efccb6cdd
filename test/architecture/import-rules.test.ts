import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkRules,
  findCycles,
  type ImportEdge,
  importGraph,
  importsOf,
  readTree,
  unresolved,
} from './import-graph';
import { CHECKED_FOLDERS, IMPORT_RULES } from './import-rules';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** One line per problem, so a failing run names the file, the line and the import. */
function describeViolations(edges: ImportEdge[]): string[] {
  return checkRules(edges, IMPORT_RULES).map(
    (v) => `${v.from}:${v.line} imports '${v.specifier}' (${v.target}): ${v.rule} — ${v.why}`,
  );
}

function tree(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files));
}

describe('the project tree', () => {
  it('should keep every import rule', async () => {
    // Prepare
    const edges = importGraph(await readTree(ROOT, CHECKED_FOLDERS));

    // Act
    const violations = describeViolations(edges);

    // Assess
    expect(edges.length).toBeGreaterThan(500);
    expect(violations).toEqual([]);
  });

  it('should have no import cycle between files', async () => {
    // Act
    const cycles = findCycles(importGraph(await readTree(ROOT, CHECKED_FOLDERS)));

    // Assess
    expect(cycles.map((files) => files.join(' → '))).toEqual([]);
  });

  it('should resolve every relative import to a file', async () => {
    // Act
    const missing = unresolved(importGraph(await readTree(ROOT, CHECKED_FOLDERS)));

    // Assess
    expect(missing.map((e) => `${e.from}:${e.line} '${e.specifier}'`)).toEqual([]);
  });

  it('should keep lib/domain to a small kernel of at most 12 files at its top level', async () => {
    // Act
    const topLevel = [...(await readTree(ROOT, ['lib/domain'])).keys()].filter(
      (path) => path.split('/').length === 3,
    );

    // Assess
    expect(topLevel.length).toBeLessThanOrEqual(12);
  });
});

describe('the rule engine', () => {
  it('should name a domain file that imports an adapter, with its line', () => {
    // Prepare
    const edges = importGraph(
      tree({
        'lib/domain/scheduler/plan.ts':
          "import type { X } from './types';\nimport { send } from '../../aws/tags';\n",
        'lib/domain/scheduler/types.ts': 'export type X = 1;\n',
        'lib/aws/tags.ts': 'export const send = 1;\n',
      }),
    );

    // Act
    const violations = describeViolations(edges);

    // Assess
    expect(violations).toEqual([
      expect.stringContaining(
        "lib/domain/scheduler/plan.ts:2 imports '../../aws/tags' (lib/aws/tags.ts): domain-is-pure",
      ),
    ]);
  });

  it('should refuse the AWS SDK in the domain and the simulator in adapters and handlers', () => {
    // Prepare
    const edges = importGraph(
      tree({
        'lib/domain/model.ts': "import { EC2Client } from '@aws-sdk/client-ec2';\n",
        'lib/aws/clients.ts': "import type { SimAccount } from '../sim/sim-account';\n",
        'lib/sim/sim-account.ts': 'export interface SimAccount {}\n',
        'handlers/analyze.ts': "const sim = await import('../lib/sim/sim-account');\n",
      }),
    );

    // Act
    const rules = checkRules(edges, IMPORT_RULES).map((v) => `${v.rule} ${v.from}`);

    // Assess
    expect(rules).toEqual([
      'domain-is-pure lib/domain/model.ts',
      'aws-is-adapters-only lib/aws/clients.ts',
      'handlers-never-simulate handlers/analyze.ts',
    ]);
  });

  it('should refuse a report that imports a use-case, even for a type', () => {
    // Prepare
    const edges = importGraph(
      tree({
        'lib/report/table.ts': "import type { Result } from '../use-cases/scheduler/schedule';\n",
        'lib/use-cases/scheduler/schedule.ts': 'export interface Result {}\n',
      }),
    );

    // Act
    const violations = checkRules(edges, IMPORT_RULES);

    // Assess
    expect(violations.map((v) => v.rule)).toEqual(['report-renders-results']);
  });

  it('should find a cycle through three files and name them', () => {
    // Prepare
    const edges = importGraph(
      tree({
        'lib/a.ts': "import { b } from './b';\n",
        'lib/b.ts': "import { c } from './c';\n",
        'lib/c.ts': "export { a } from './a';\n",
        'lib/d.ts': "import { a } from './a';\n",
      }),
    );

    // Act
    const cycles = findCycles(edges);

    // Assess
    expect(cycles).toEqual([['lib/a.ts', 'lib/b.ts', 'lib/c.ts']]);
  });

  it('should pass a tree that keeps the rules', () => {
    // Prepare
    const edges = importGraph(
      tree({
        'lib/domain/model.ts': 'export type Tags = Record<string, string>;\n',
        'lib/aws/tags.ts': "import type { Tags } from '../domain/model';\n",
        'lib/use-cases/run.ts': "import { x } from '../aws/tags';\nimport { y } from '../report/table';\n",
        'lib/report/table.ts': "import type { Tags } from '../domain/model';\n",
      }),
    );

    // Act, Assess
    expect(checkRules(edges, IMPORT_RULES)).toEqual([]);
    expect(findCycles(edges)).toEqual([]);
  });

  it('should read type-only, re-export, dynamic and require imports', () => {
    // Act
    const edges = importsOf(
      'lib/x.ts',
      [
        "import type { A } from './a';",
        "import { type B, type C } from './b';",
        "export * from './c';",
        "const d = await import('./d');",
        "const e = require('./e');",
        "import f from 'luxon';",
      ].join('\n'),
    );

    // Assess
    expect(edges.map((e) => [e.specifier, e.typeOnly, e.line])).toEqual([
      ['./a', true, 1],
      ['./b', true, 2],
      ['./c', false, 3],
      ['./d', false, 4],
      ['./e', false, 5],
      ['luxon', false, 6],
    ]);
  });
});
