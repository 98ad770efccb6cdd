// Builds dist/local-sim.cjs: the simulated account for local mode (`serverless invoke local` with
// NAT_OPTIMIZER_SNAPSHOT). It is never part of a Lambda bundle: lib/lambda-runtime.ts loads it at run time.
//   node scripts/build-local-sim.mjs [outfile]
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}dist/local-sim.cjs`;

await build({
  entryPoints: [`${root}lib/sim/local-mode.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  keepNames: true,
  logLevel: 'warning',
});
process.stderr.write(`built ${outfile}\n`);
