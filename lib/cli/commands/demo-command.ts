// nat-optimizer demo: the four jobs on the bundled example account, as one readable report (terminal or HTML page).
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { renderHtmlPage } from '../../report/html-page';
import { emit, outputFormat } from '../cli-context';
import type { OutputFormat } from '../common-options';
import type { DemoSection } from '../demo/demo-section';
import { DEMO_STEPS } from '../demo/demo-sections';

export const EXAMPLE_ACCOUNT = fileURLToPath(
  new URL('../../../examples/example-account.json', import.meta.url),
);
const DEMO_FORMATS: readonly OutputFormat[] = ['table', 'html'];

function demoPage(sections: DemoSection[]): string {
  return renderHtmlPage({
    title: 'nat-optimizer demo',
    meta: 'The nightly analysis, a day of parking, a failover drill and a cost alert, on a simulated account',
    lead: sections.map((s) => s.html.lead ?? '').join(''),
    sections: sections.flatMap((s) => s.html.sections),
    footer: 'Everything ran on a simulated account (an account snapshot): nothing real was read or changed.',
  });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the whole optimizer on the bundled example account and print the report')
    .option('--snapshot <file>', 'another account snapshot to run the demo on', EXAMPLE_ACCOUNT)
    .option('--output <file>', 'write the report to this file')
    .option('--format <format>', DEMO_FORMATS.join(' | '), 'table')
    .action(async (options: { snapshot: string; output?: string; format: string }) => {
      const format = outputFormat(options, DEMO_FORMATS);
      const sections = [];
      for (const step of DEMO_STEPS) sections.push(await step(options.snapshot));
      const text =
        format === 'html'
          ? demoPage(sections)
          : sections.map((s) => `\n━━ ${s.title} ━━\n\n${s.text}`).join('\n');
      await emit(text, options);
    });
}
