// The Markdown section of BENCHMARKS.md for the nightly analysis and its Lambda bundle.
import type { AnalysisMeasure, AnalysisRun } from './measure-analysis';
import { describeCallCount } from './measure-analysis';
import { type BundleReport, PACKAGE_COMMAND, SIM_MARKERS } from './measure-bundle';

const CPU_TARGET_MS = 5000;
const BUNDLE_TARGET_BYTES = 1_000_000;

const count = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const kb = (n: number) => `${(n / 1000).toFixed(0)} kB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function firstRun(measure: AnalysisMeasure): AnalysisRun {
  const run = measure.runs[0];
  if (!run) throw new Error(`no run for ${measure.gateways} gateways`);
  return run;
}

function total(run: AnalysisRun): number {
  return Object.values(run.calls).reduce((sum, n) => sum + n, 0);
}

function analysisTable(measures: AnalysisMeasure[]): string[] {
  const rows = measures.map((m) => {
    const run = firstRun(m);
    const gmd = run.calls['CloudWatch.GetMetricData'] ?? 0;
    const wall = median(m.runs.map((r) => r.wallMs));
    const cpu = median(m.runs.map((r) => r.cpuMs));
    const cpuMax = Math.max(...m.runs.map((r) => r.cpuMs));
    const sim = median(m.runs.map((r) => r.simMs));
    return (
      `| ${count(m.gateways)} | ${count(m.vpcs)} / ${count(m.routeTables)} | ${count(total(run))} | ` +
      `${count(m.getMetricDataTarget)} | ${count(m.getMetricDataExpected)} | **${count(gmd)}** | ` +
      `${describeCallCount(run)} / ${m.describeCallsWithoutMetrics} | ${ms(wall)} | **${ms(cpu)}** (max ${ms(cpuMax)}) | ${ms(sim)} | ${count(m.findings)} |`
    );
  });
  return [
    '| NAT gateways | VPCs / route tables | API calls | GetMetricData target ⌈6·N/500⌉ | target + pages | GetMetricData made | describe calls (with / without metric data) | wall (median) | CPU user+sys (median) | of which simulated AWS | findings |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}

function callBreakdown(measure: AnalysisMeasure): string {
  const run = firstRun(measure);
  return Object.entries(run.calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${count(n)}`)
    .join(', ');
}

function bundleLines(bundle: BundleReport): string[] {
  const cold = bundle.coldImport;
  const leaked = bundle.simMarkersFound.length > 0;
  return [
    '### The `analyze` Lambda bundle',
    '',
    `Built by \`${PACKAGE_COMMAND}\` (serverless-esbuild with serverless.yml \`custom.esbuild\`: bundle, minify, ` +
      'platform node, target node20, format cjs, mainFields [module, main], keepNames); sizes read from the ' +
      '`analyze.zip` it writes. Contributors from an esbuild metafile of the same build.',
    '',
    '| artifact | size | target |',
    '|---|---:|---|',
    `| handlers/analyze.cjs (raw) | ${kb(bundle.rawBytes)} (${count(bundle.rawBytes)} B) | — |`,
    `| analyze.zip (deployed) | **${kb(bundle.zipBytes)}** (${count(bundle.zipBytes)} B) | < 1 MB: ${bundle.zipBytes < BUNDLE_TARGET_BYTES ? 'met' : 'missed'} |`,
    `| esbuild API, same options (raw, cross-check) | ${kb(bundle.esbuildRawBytes)} | = raw |`,
    '',
    'Biggest contributors (bytes in the minified output):',
    '',
    '| package / folder | size |',
    '|---|---:|',
    ...bundle.contributors.map((c) => `| ${c.name} | ${kb(c.bytes)} |`),
    '',
    `Simulated account in the bundle: **${leaked ? `yes — found ${bundle.simMarkersFound.join(', ')}` : 'no'}** ` +
      `(searched for ${SIM_MARKERS.map((m) => `\`${m}\``).join(', ')}; local mode loads \`dist/local-sim.cjs\` at run time).`,
    '',
    `Cold import, ${cold.runs} runs each, alternated (dummy env AWS_REGION, credentials, topic ARN):`,
    '',
    '| command | median | min |',
    '|---|---:|---:|',
    `| \`node -e 0\` | ${ms(cold.bareMedianMs)} | ${ms(cold.bareMinMs)} |`,
    `| \`node -e "require('handlers/analyze.cjs')"\` | ${ms(cold.bundleMedianMs)} | ${ms(cold.bundleMinMs)} |`,
    `| import cost (difference of medians) | **${ms(cold.bundleMedianMs - cold.bareMedianMs)}** | |`,
  ];
}

export function renderAnalyzeBench(input: {
  machine: string;
  date: string;
  command: string;
  repeats: number;
  measures: AnalysisMeasure[];
  bundle?: BundleReport;
}): string {
  const largest = input.measures[input.measures.length - 1];
  const largestCpu = largest ? median(largest.runs.map((r) => r.cpuMs)) : 0;
  const largestOwn = largest ? median(largest.runs.map((r) => r.cpuMs - r.simMs)) : 0;
  const lines = [
    '## Nightly analysis (`analyze`)',
    '',
    `- Command: ${input.command}`,
    `- Machine: ${input.machine}`,
    `- Date: ${input.date}`,
    '',
    '### One analysis on a generated account',
    '',
    'Accounts from `scripts/generate-account.ts` (seed 1; 14 days of hourly data for the 14 AWS/NATGateway metrics ' +
      'of each gateway, of which the analysis asks for the 6 it reads), loaded into the simulated account; ' +
      '`runAnalysis` (inventory, GetMetricData, flow-log ' +
      `attribution from the snapshot, decisions) timed alone, ${input.repeats} runs per size on a fresh account. ` +
      'Wall and CPU include the simulated AWS answering in the same process (its share: the CPU spent inside its command ' +
      'handlers, garbage collection they trigger included); there is no network latency, and the SDK does not parse ' +
      'responses (the simulator hands it objects), which a Lambda on AWS would.',
    '',
    ...analysisTable(input.measures),
    '',
  ];
  if (largest) {
    lines.push(
      `Target: ${count(largest.gateways)} gateways analysed in < 5 s of CPU: **${largestCpu < CPU_TARGET_MS ? 'met' : 'missed'}** ` +
        `with the simulated AWS counted in (${ms(largestCpu)}); the analysis alone (CPU minus the simulator's ` +
        `handlers) used ${ms(largestOwn)}.`,
      '',
      `Calls for ${count(largest.gateways)} gateways: ${callBreakdown(largest)}.`,
      '',
    );
  }
  lines.push(
    '**Why GetMetricData makes more calls than ⌈metrics × gateways / 500⌉.** The adapter batches 500 queries per ' +
      'request (the API maximum) and follows `NextToken`. A full batch asks for 500 series × 336 hourly points = ' +
      '168,000 datapoints, but one response carries at most 100,800, so each full batch takes two pages; the ' +
      '"target + pages" column is Σ over batches of ⌈queries × 336 / 100,800⌉. Pages are not extra batches: the ' +
      'request count stays proportional to gateways × metrics / 500.',
    '',
    '**Why describe calls do not depend on metrics.** The inventory is read by one paginated pass per resource type ' +
      '(DescribeVpcs, Subnets, RouteTables, NatGateways, Addresses, VpcEndpoints, PrefixLists) before any metric is ' +
      'asked for; its count grows only with the number of resources per page (route tables are read 100 per page). ' +
      'The same account with every metric series removed makes exactly the same describe calls (second number).',
    '',
  );
  if (input.bundle) lines.push(...bundleLines(input.bundle), '');
  return lines.join('\n');
}
