// nat-optimizer analyze: the nightly analysis, on a snapshot or a real account.
import type { Command } from 'commander';
import { renderAnalysisHtml } from '../../report/analysis-html';
import { renderAnalysisMarkdown } from '../../report/analysis-markdown';
import { renderAnalysisTable } from '../../report/analysis-table';
import { runNightlyAnalysis } from '../../use-cases/analysis/analyze';
import { type CommonOptions, emit, openContext, outputFormat } from '../cli-context';
import { withCommonOptions } from '../common-options';

export function registerAnalyze(program: Command): void {
  withCommonOptions(
    program
      .command('analyze')
      .description('traffic and cost analysis of every NAT gateway, with findings and savings')
      .option('--topic-arn <arn>', 'with --apply (or on a snapshot): publish the report to this SNS topic'),
  ).action(async (options: CommonOptions & { topicArn?: string }) => {
    const format = outputFormat(options);
    const context = await openContext(options, 'analyze');
    const config = options.topicArn
      ? { ...context.config, core: { ...context.config.core, topicArn: options.topicArn } }
      : context.config;
    const { result } = await runNightlyAnalysis(context.runtime, config, context.attribution);
    const render = {
      json: () => JSON.stringify(result, null, 2),
      table: () => renderAnalysisTable(result, { color: !options.output && process.stdout.isTTY === true }),
      md: () => renderAnalysisMarkdown(result),
      html: () => renderAnalysisHtml(result),
    }[format];
    await emit(render(), options);
    await context.finish();
  });
}
