// The layering the project keeps (docs/architecture.md): decide purely in lib/domain, act in lib/aws adapters,
// compose in lib/use-cases, present in lib/report, enter through handlers/ and lib/cli.
import type { ImportRule } from './import-graph';

/** Folders whose files make up the graph (cycles are looked for across all of them). */
export const CHECKED_FOLDERS = ['lib', 'handlers'] as const;

const SIM_FORBIDDEN_WHY =
  'the deployed code must be the same against AWS and the simulated account, and no Lambda bundle may carry lib/sim';

export const IMPORT_RULES: readonly ImportRule[] = [
  {
    name: 'domain-is-pure',
    files: 'lib/domain/',
    forbidden: [
      'lib/aws/',
      'lib/sim/',
      'lib/use-cases/',
      'lib/cli/',
      'lib/report/',
      'handlers/',
      'lib/config',
      'lib/runtime.ts',
      '@aws-sdk/',
      '@smithy/',
      'node:',
    ],
    why: 'lib/domain decides from plain data: no AWS SDK, no I/O, no configuration, no presentation',
  },
  {
    name: 'aws-is-adapters-only',
    files: 'lib/aws/',
    forbidden: ['lib/sim/', 'lib/report/', 'lib/use-cases/', 'lib/cli/', 'handlers/'],
    why: `lib/aws holds adapters only: ${SIM_FORBIDDEN_WHY}; composing and deciding belong to use-cases`,
  },
  {
    name: 'report-renders-results',
    files: 'lib/report/',
    forbidden: ['lib/aws/', 'lib/sim/', 'lib/use-cases/', 'lib/cli/', 'handlers/', '@aws-sdk/'],
    why: 'lib/report renders results whose types live in the domain capability folders',
  },
  {
    name: 'use-cases-run-anywhere',
    files: 'lib/use-cases/',
    forbidden: ['lib/sim/', 'lib/cli/', 'handlers/'],
    why: `use-cases run in Lambda and in the CLI alike: ${SIM_FORBIDDEN_WHY}`,
  },
  {
    name: 'handlers-never-simulate',
    files: 'handlers/',
    forbidden: ['lib/sim/', 'lib/cli/'],
    why: SIM_FORBIDDEN_WHY,
  },
];
