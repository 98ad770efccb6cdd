// nat-optimizer alert: the daily cost alert for one day, on a snapshot or a real account (read-only unless --apply).
import type { Command } from 'commander';
import { AlertDateError } from '../../domain/alerts/alert-calendar';
import { BadInputError } from '../../errors';
import { renderAlertTable } from '../../report/alert-table';
import { runCostAlert } from '../../use-cases/alerts/cost-alert';
import { type CommonOptions, emit, openContext, outputFormat } from '../cli-context';
import { TABLE_OR_JSON, withCommonOptions } from '../common-options';

interface AlertOptions extends CommonOptions {
  date?: string;
  topicArn?: string;
}

/** On a snapshot the message goes to a topic of the simulated account (recorded, never sent anywhere). */
function simulatedTopic(region: string, accountId: string): string {
  return `arn:aws:sns:${region}:${accountId}:nat-optimizer-alerts`;
}

export function registerAlert(program: Command): void {
  withCommonOptions(
    program
      .command('alert')
      .description('daily cost alert: each NAT gateway against its limits and its own history, sent once')
      .option('--date <YYYY-MM-DD>', 'the day to alert on (default: the last full day before now)')
      .option('--topic-arn <arn>', 'SNS topic to publish to (default: NAT_OPTIMIZER_TOPIC_ARN)')
      .option('--at <instant>', 'on a snapshot: set the simulated clock first (ISO-8601)'),
    TABLE_OR_JSON,
  ).action(async (options: AlertOptions) => {
    const format = outputFormat(options, TABLE_OR_JSON);
    if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
      throw new BadInputError(`--date must be a day YYYY-MM-DD, got "${options.date}"`);
    }
    const context = await openContext(options, 'costAlert');
    const topicArn =
      options.topicArn ??
      (context.sim && !context.config.core.topicArn
        ? simulatedTopic(context.sim.state.region, context.sim.state.accountId)
        : undefined);
    const result = await runCostAlert(context.runtime, context.config, {
      ...(options.date ? { date: options.date } : {}),
      ...(topicArn ? { topicArn } : {}),
      attribution: context.attribution,
    }).catch((error: unknown) => {
      throw error instanceof AlertDateError ? new BadInputError(error.message) : error;
    });
    await emit(format === 'json' ? JSON.stringify(result, null, 2) : renderAlertTable(result), options);
    await context.finish();
  });
}
