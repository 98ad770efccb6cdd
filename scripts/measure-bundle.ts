// The analyze Lambda bundle: size of the artifact `serverless package` writes, what fills it, whether the
// simulated account leaked into it, and how long a cold `require` of it takes against a bare `node -e 0`.
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { zipEntries } from './zip-entries';

const run = promisify(execFile);

/** serverless.yml custom.esbuild, as serverless-esbuild passes it to esbuild. */
const SERVERLESS_ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  format: 'cjs',
  mainFields: ['module', 'main'],
  keepNames: true,
  external: [],
} as const;

/** Strings only lib/sim holds: if one is in the bundle, the simulated account was bundled. */
export const SIM_MARKERS = [
  'natOptimizerSimulatedAccount',
  'the simulated account does not answer',
  'Rate exceeded (simulated)',
];

export const PACKAGE_COMMAND = 'npx serverless package --stage dev --package <tmp>';
const HANDLER_ENTRY = 'handlers/analyze.cjs';
const TOP_CONTRIBUTORS = 12;

export interface BundleReport {
  zipBytes: number;
  rawBytes: number;
  /** The same options through the esbuild API: should equal rawBytes. */
  esbuildRawBytes: number;
  contributors: Array<{ name: string; bytes: number }>;
  simMarkersFound: string[];
  coldImport: {
    runs: number;
    bundleMedianMs: number;
    bareMedianMs: number;
    bundleMinMs: number;
    bareMinMs: number;
  };
}

const DUMMY_LAMBDA_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIABENCHDUMMY000000',
  AWS_SECRET_ACCESS_KEY: 'bench-dummy-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  NAT_OPTIMIZER_TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:nat-optimizer-bench',
  POWERTOOLS_SERVICE_NAME: 'nat-optimizer',
  POWERTOOLS_METRICS_NAMESPACE: 'NatOptimizer',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** npm package (scope included) or project folder an input file belongs to. */
function ownerOf(path: string): string {
  const parts = path.split('node_modules/');
  const last = parts[parts.length - 1] ?? path;
  if (parts.length === 1) return path.split('/').slice(0, 2).join('/');
  const segments = last.split('/');
  return (last.startsWith('@') ? segments.slice(0, 2) : segments.slice(0, 1)).join('/');
}

async function contributors(outdir: string): Promise<{ bytes: number; top: BundleReport['contributors'] }> {
  const result = await build({
    ...SERVERLESS_ESBUILD_OPTIONS,
    mainFields: [...SERVERLESS_ESBUILD_OPTIONS.mainFields],
    external: [],
    entryPoints: { 'handlers/analyze': 'handlers/analyze.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    metafile: true,
    logLevel: 'error',
  });
  const byOwner = new Map<string, number>();
  let bytes = 0;
  for (const output of Object.values(result.metafile.outputs)) {
    bytes += output.bytes;
    for (const [path, input] of Object.entries(output.inputs))
      byOwner.set(ownerOf(path), (byOwner.get(ownerOf(path)) ?? 0) + input.bytesInOutput);
  }
  const top = [...byOwner]
    .map(([name, size]) => ({ name, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP_CONTRIBUTORS);
  return { bytes, top };
}

function timeNode(args: string[]): number {
  const started = performance.now();
  const outcome = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, ...DUMMY_LAMBDA_ENV } });
  if (outcome.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${outcome.stderr.toString()}`);
  return performance.now() - started;
}

export async function measureBundle(coldRuns = 12): Promise<BundleReport> {
  const work = await mkdtemp(join(tmpdir(), 'nat-optimizer-bench-'));
  try {
    const packageDir = join(work, 'package');
    await run('npx', ['serverless', 'package', '--stage', 'dev', '--package', packageDir], {
      env: {
        ...process.env,
        ...DUMMY_LAMBDA_ENV,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    const zip = await readFile(join(packageDir, 'analyze.zip'));
    const entries = zipEntries(zip);
    const handler = entries.find((e) => e.name === HANDLER_ENTRY);
    if (!handler) throw new Error(`analyze.zip has no ${HANDLER_ENTRY}`);
    const bundle = handler.content();
    const bundlePath = join(work, 'unzipped', HANDLER_ENTRY);
    await mkdir(join(work, 'unzipped', 'handlers'), { recursive: true });
    await writeFile(bundlePath, bundle);
    const text = bundle.toString('utf8');
    const { bytes: esbuildRawBytes, top } = await contributors(join(work, 'esbuild'));
    const bundleMs: number[] = [];
    const bareMs: number[] = [];
    timeNode(['-e', 'require(process.argv[1])', bundlePath]);
    for (let i = 0; i < coldRuns; i += 1) {
      bareMs.push(timeNode(['-e', '0']));
      bundleMs.push(timeNode(['-e', 'require(process.argv[1])', bundlePath]));
    }
    return {
      zipBytes: zip.length,
      rawBytes: entries.reduce((total, e) => total + e.uncompressedBytes, 0),
      esbuildRawBytes,
      contributors: top,
      simMarkersFound: SIM_MARKERS.filter((marker) => text.includes(marker)),
      coldImport: {
        runs: coldRuns,
        bundleMedianMs: median(bundleMs),
        bareMedianMs: median(bareMs),
        bundleMinMs: Math.min(...bundleMs),
        bareMinMs: Math.min(...bareMs),
      },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
