// nat-optimizer demo: the four jobs on the bundled example account, as one readable report.
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { BadInputError } from '../../errors';
import { escapeHtml } from '../../report/html-escape';
import { emit } from '../cli-context';
import { DEMO_STEPS } from '../demo/demo-sections';

export const EXAMPLE_ACCOUNT = fileURLToPath(
  new URL('../../../examples/example-account.json', import.meta.url),
);

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the whole optimizer on the bundled example account and print the report')
    .option('--snapshot <file>', 'another account snapshot to run the demo on', EXAMPLE_ACCOUNT)
    .option('--output <file>', 'write the report to this file')
    .option('--format <format>', 'table | html', 'table')
    .action(async (options: { snapshot: string; output?: string; format: string }) => {
      if (options.format !== 'table' && options.format !== 'html') {
        throw new BadInputError(`demo prints table or html, got --format "${options.format}"`);
      }
      const sections = [];
      for (const step of DEMO_STEPS) sections.push(await step(options.snapshot));
      const text =
        options.format === 'html'
          ? `<!doctype html><meta charset="utf-8"><title>nat-optimizer demo</title><body style="font-family:system-ui;max-width:1100px;margin:auto">${sections
              .map((s) => `<h2>${escapeHtml(s.title)}</h2>${s.html ?? `<pre>${escapeHtml(s.text)}</pre>`}`)
              .join('\n')}</body>`
          : sections.map((s) => `\n━━ ${s.title} ━━\n\n${s.text}`).join('\n');
      await emit(text, options);
    });
}
