// Benchmark of the nightly analysis: API calls, wall and CPU time on generated accounts of 10, 100 and 1,000
// NAT gateways, then the analyze bundle's size and cold import. Prints a Markdown section (progress on stderr).
//   npx tsx scripts/bench-analyze.ts [--sizes 10,100,1000] [--repeats 5] [--cold-runs 12] [--no-bundle]
import { parseArgs } from 'node:util';
import { renderAnalyzeBench } from './analyze-bench-report';
import { machineLine, todayUtc } from './machine-info';
import { type AnalysisMeasure, measureAnalysis } from './measure-analysis';
import { measureBundle } from './measure-bundle';

const WARM_UP_GATEWAYS = 10;

function wholeNumbers(text: string, flag: string): number[] {
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`${flag} takes whole numbers, got ${text}`);
  return values;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,100,1000' },
      repeats: { type: 'string', default: '5' },
      'cold-runs': { type: 'string', default: '12' },
      'no-bundle': { type: 'boolean', default: false },
    },
  });
  const sizes = wholeNumbers(values.sizes, '--sizes');
  const [repeats = 5] = wholeNumbers(values.repeats, '--repeats');
  const [coldRuns = 12] = wholeNumbers(values['cold-runs'], '--cold-runs');
  const machine = machineLine();
  const log = (line: string) => process.stderr.write(`bench-analyze: ${line}\n`);

  // Loads and compiles the code paths once, so the smallest account is not charged for module loading.
  await measureAnalysis(WARM_UP_GATEWAYS, 1);
  const measures: AnalysisMeasure[] = [];
  for (const gateways of sizes) {
    log(`analysing ${gateways} gateways × ${repeats}`);
    const measure = await measureAnalysis(gateways, repeats);
    const cpu = measure.runs.map((r) => r.cpuMs.toFixed(0)).join(', ');
    log(`  generated in ${measure.generateMs.toFixed(0)} ms; CPU ms per run: ${cpu}`);
    measures.push(measure);
  }
  let bundle: Awaited<ReturnType<typeof measureBundle>> | undefined;
  if (!values['no-bundle']) {
    log(`packaging the analyze bundle and timing ${coldRuns} cold imports`);
    bundle = await measureBundle(coldRuns);
  }
  process.stdout.write(
    renderAnalyzeBench({
      machine,
      date: todayUtc(),
      command: '`npm run bench` (runs `npx tsx scripts/bench-analyze.ts`, which also runs alone)',
      repeats,
      measures,
      ...(bundle ? { bundle } : {}),
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench-analyze failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
