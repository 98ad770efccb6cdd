// Renders the analysis of accounts of growing size in every format: time (median of 5), size, and the email's
// first screen. Prints a Markdown section for BENCHMARKS.md (npm run bench). Run alone: npx tsx scripts/bench-reports.ts
import { fileURLToPath } from 'node:url';
import { configWith } from '../lib/config';
import type { AnalysisResult } from '../lib/domain/analysis/analysis-result';
import { renderAnalysisEmail } from '../lib/report/analysis-email';
import { renderAnalysisHtml } from '../lib/report/analysis-html';
import { renderAnalysisMarkdown } from '../lib/report/analysis-markdown';
import { renderAnalysisTable } from '../lib/report/analysis-table';
import { simRuntime, snapshotAttribution } from '../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../lib/sim/simulated-account';
import { loadSnapshotFile, parseSnapshot } from '../lib/sim/snapshot-load';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { runAnalysis } from '../lib/use-cases/analysis/analyze';
import { generateAccount } from './generate-account';
import { machineLine, todayUtc } from './machine-info';

const EXAMPLE = fileURLToPath(new URL('../examples/example-account.json', import.meta.url));
const RUNS = 5;
const SIZES = [100, 2000];

async function analysisOf(snapshot: Snapshot): Promise<AnalysisResult> {
  const account = createSimulatedAccount(snapshot);
  return runAnalysis(
    simRuntime(account),
    configWith('analyze', { AWS_REGION: snapshot.region }),
    snapshotAttribution(account.sim),
  );
}

function timed(render: () => string): { ms: number; bytes: number } {
  const times: number[] = [];
  let text = '';
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    text = render();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)] ?? 0, bytes: Buffer.byteLength(text) };
}

const machine = machineLine();
const accounts: Array<[string, Snapshot]> = [['example (7)', await loadSnapshotFile(EXAMPLE)]];
for (const gateways of SIZES) {
  accounts.push([
    formatCount(gateways),
    parseSnapshot(JSON.stringify(generateAccount({ gateways, seed: 1 })), 'generated'),
  ]);
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const rows: string[] = [];
for (const [label, snapshot] of accounts) {
  process.stderr.write(`analysing ${label}…\n`);
  const result = await analysisOf(snapshot);
  const html = timed(() => renderAnalysisHtml(result));
  const email = timed(() => renderAnalysisEmail(result).body);
  const table = timed(() => renderAnalysisTable(result, { width: 100 }));
  const md = timed(() => renderAnalysisMarkdown(result));
  const lead =
    renderAnalysisEmail(result)
      .body.split('\n')
      .indexOf('Details below: findings, gateways, all commands, notes, warnings.') + 1;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  rows.push(
    `| ${label} | ${ms(html.ms)}, ${kb(html.bytes)} | ${ms(email.ms)}, ${kb(email.bytes)}, first screen ${lead} lines | ${ms(table.ms)}, ${kb(table.bytes)} | ${ms(md.ms)}, ${kb(md.bytes)} |`,
  );
}

console.log(`## Reports

- Command: \`npx tsx scripts/bench-reports.ts\` (part of \`npm run bench\`)
- Machine: ${machine}
- Date: ${todayUtc()}

One analysis per account (the example, and accounts from \`scripts/generate-account.ts\`, seed 1), then each
renderer timed alone, median of ${RUNS} runs; sizes are of the rendered text. The browser tests
(test/browser/report-layout.test.ts) measure how the HTML page lays out.

| gateways | HTML | email body | terminal table | Markdown |
|---|---:|---:|---:|---:|
${rows.join('\n')}
`);
