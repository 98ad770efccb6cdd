// nat-optimizer analyze: the nightly analysis, on a snapshot or a real account.
import type { Command } from 'commander';
import type { AnalysisResult } from '../../domain/analysis/analysis-result';
import { BadInputError } from '../../errors';
import { type AnalysisFocus, focusGateways } from '../../report/analysis-focus';
import { renderAnalysisHtml } from '../../report/analysis-html';
import { renderAnalysisMarkdown } from '../../report/analysis-markdown';
import { renderAnalysisTable } from '../../report/analysis-table';
import { runNightlyAnalysis } from '../../use-cases/analysis/analyze';
import { type CommonOptions, emit, openContext, outputFormat } from '../cli-context';
import { OUTPUT_FORMATS, withCommonOptions } from '../common-options';
import { stdoutColor, stdoutColumns } from '../terminal';

interface AnalyzeOptions extends CommonOptions {
  topicArn?: string;
  top?: string;
  minSaving?: string;
}

function focusOf(options: AnalyzeOptions): AnalysisFocus {
  const focus: AnalysisFocus = {};
  if (options.top !== undefined) {
    const top = Number(options.top);
    if (!Number.isInteger(top) || top < 1)
      throw new BadInputError(`--top must be a whole number from 1, got "${options.top}"`);
    focus.top = top;
  }
  if (options.minSaving !== undefined) {
    const minSaving = Number(options.minSaving);
    if (options.minSaving.trim() === '' || !Number.isFinite(minSaving) || minSaving < 0)
      throw new BadInputError(
        `--min-saving must be an amount in USD such as 25 or 12.50, got "${options.minSaving}"`,
      );
    focus.minSaving = minSaving;
  }
  return focus;
}

/** JSON keeps the totals of the whole account; --top / --min-saving only choose the gateways listed. */
function focusedJson(result: AnalysisResult, focus: AnalysisFocus): string {
  if (focus.top === undefined && focus.minSaving === undefined) return JSON.stringify(result, null, 2);
  const { shown } = focusGateways(result, focus);
  return JSON.stringify({ ...result, natGateways: shown }, null, 2);
}

export function registerAnalyze(program: Command): void {
  withCommonOptions(
    program
      .command('analyze')
      .description('traffic and cost analysis of every NAT gateway, with findings and savings')
      .option('--topic-arn <arn>', 'with --apply (or on a snapshot): publish the report to this SNS topic')
      .option('--top <n>', 'list only the N gateways with the largest savings (totals still cover all)')
      .option('--min-saving <usd>', 'list only gateways whose findings save at least this much a month'),
    OUTPUT_FORMATS,
  ).action(async (options: AnalyzeOptions) => {
    const format = outputFormat(options, OUTPUT_FORMATS);
    const focus = focusOf(options);
    const context = await openContext(options, 'analyze');
    const config = options.topicArn
      ? { ...context.config, core: { ...context.config.core, topicArn: options.topicArn } }
      : context.config;
    const { result } = await runNightlyAnalysis(context.runtime, config, context.attribution);
    const render = {
      json: () => focusedJson(result, focus),
      table: () =>
        renderAnalysisTable(result, {
          color: stdoutColor(options.output),
          width: stdoutColumns(),
          focus,
        }),
      md: () => renderAnalysisMarkdown(result, { focus }),
      html: () => renderAnalysisHtml(result, { focus }),
    }[format];
    await emit(render(), options);
    await context.finish();
  });
}
