// Builds dist/local-sim.cjs: the simulated account for local mode (`serverless invoke local` with
// NAT_OPTIMIZER_SNAPSHOT). It is never part of a Lambda bundle: lib/lambda-runtime.ts loads it at run time.
//   node scripts/build-local-sim.mjs [outfile]

import { rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}dist/local-sim.cjs`;

// Written beside the target and renamed into place: a handler loading it meanwhile sees the old file or the new one.
const partial = `${outfile}.${process.pid}.partial`;
await build({
  entryPoints: [`${root}lib/sim/local-mode.ts`],
  outfile: partial,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  keepNames: true,
  logLevel: 'warning',
});
await rename(partial, outfile);
process.stderr.write(`built ${outfile}\n`);
