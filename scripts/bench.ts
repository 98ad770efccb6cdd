// `npm run bench`: every benchmark of the project in sequence, printed as Markdown.
//   npm run bench                 prints the results
//   npm run bench -- --write      also rewrites the sections of BENCHMARKS.md between their markers
// Each scripts/bench-<name>.ts prints its own Markdown section on stdout (progress on stderr). Its section in
// BENCHMARKS.md lies between <!-- bench:<name>:start --> and <!-- bench:<name>:end -->; a section without markers
// yet is appended.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, todayUtc } from './machine-info';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCHMARKS_FILE = `${ROOT}BENCHMARKS.md`;
const OWN_SECTION = 'analyze';
const HEADER = [
  '# Benchmarks',
  '',
  'Measured by `npm run bench` (`tsx scripts/bench.ts`); `npm run bench -- --write` rewrites the sections ' +
    'between `<!-- bench:… -->` markers. Each section names its command, machine and date: compare figures ' +
    'only between runs on the same machine.',
  '',
].join('\n');

interface BenchOutcome {
  name: string;
  script: string;
  markdown: string;
  ok: boolean;
  seconds: number;
}

function runScript(script: string): Promise<{ stdout: string; ok: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, ok: code === 0 }));
  });
}

async function benchScripts(): Promise<Array<{ name: string; script: string }>> {
  const names = (await readdir(`${ROOT}scripts`))
    .filter((file) => /^bench-[a-z0-9-]+\.ts$/.test(file))
    .map((file) => file.slice('bench-'.length, -'.ts'.length))
    .sort((a, b) => (a === OWN_SECTION ? -1 : b === OWN_SECTION ? 1 : a.localeCompare(b)));
  return names.map((name) => ({ name, script: `scripts/bench-${name}.ts` }));
}

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

/** The file with the section's text replaced between its markers; undefined when the markers are missing. */
function replaceSection(file: string, name: string, markdown: string): string | undefined {
  const { start, end } = markers(name);
  const from = file.indexOf(start);
  const to = file.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${file.slice(0, from + start.length)}\n${markdown.trim()}\n${file.slice(to)}`;
}

async function writeBenchmarks(outcomes: BenchOutcome[]): Promise<string[]> {
  let file = existsSync(BENCHMARKS_FILE) ? await readFile(BENCHMARKS_FILE, 'utf8') : HEADER;
  const written: string[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const replaced = replaceSection(file, outcome.name, outcome.markdown);
    if (replaced !== undefined) {
      file = replaced;
      written.push(outcome.name);
    } else {
      const { start, end } = markers(outcome.name);
      file = `${file.trimEnd()}\n\n${start}\n${outcome.markdown.trim()}\n${end}\n`;
      written.push(outcome.name);
    }
  }
  await writeFile(BENCHMARKS_FILE, file);
  return written;
}

/** A script that prints plain text gets a heading, its command, the machine and the date around it. */
function asSection(name: string, script: string, output: string): string {
  const text = output.trim();
  if (text.startsWith('#')) return text;
  return [
    `## ${name}`,
    '',
    `- Command: \`npx tsx ${script}\` (also run by \`npm run bench\`)`,
    `- Machine: ${machineLine()}`,
    `- Date: ${todayUtc()}`,
    '',
    '```text',
    text,
    '```',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
  const outcomes: BenchOutcome[] = [];
  for (const { name, script } of await benchScripts()) {
    process.stderr.write(`bench: running ${script}\n`);
    const started = performance.now();
    const { stdout, ok } = await runScript(script);
    outcomes.push({
      name,
      script,
      markdown: asSection(name, script, stdout),
      ok,
      seconds: (performance.now() - started) / 1000,
    });
  }
  const summary = [
    '| benchmark | script | result | time |',
    '|---|---|---|---:|',
    ...outcomes.map(
      (o) => `| ${o.name} | \`${o.script}\` | ${o.ok ? 'ok' : 'FAILED'} | ${o.seconds.toFixed(1)} s |`,
    ),
  ];
  process.stdout.write(`${HEADER}\n${summary.join('\n')}\n\n`);
  for (const outcome of outcomes) process.stdout.write(`${outcome.markdown.trim()}\n\n`);
  if (values.write) {
    const written = await writeBenchmarks(outcomes);
    process.stderr.write(`bench: BENCHMARKS.md sections rewritten: ${written.join(', ') || 'none'}\n`);
  }
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
