// nat-optimizer failover --event FILE | --recheck, and nat-optimizer alarms sync.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type AlarmStateChangeEvent, alarmStateChangeSchema } from '../../domain/failover/failover-event';
import { BadInputError, IncompleteRunError } from '../../errors';
import { renderAlarmSyncTable, renderFailoverTable, renderRecheckTable } from '../../report/failover-table';
import { replayAlarmEvent } from '../../sim/alarm-event-replay';
import { syncFailoverAlarms } from '../../use-cases/failover/alarm-sync';
import { handleAlarmEvent, recheckFailovers } from '../../use-cases/failover/failover';
import { type CliContext, type CommonOptions, emit, openContext, outputFormat } from '../cli-context';
import { TABLE_OR_JSON, withCommonOptions } from '../common-options';

interface FailoverOptions extends CommonOptions {
  event?: string;
  recheck?: boolean;
  topicArn?: string;
}

async function readEvent(path: string): Promise<AlarmStateChangeEvent> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new BadInputError(
      `--event ${path}: cannot read a JSON event (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = alarmStateChangeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `--event ${path} is not a CloudWatch Alarm State Change event: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** On a snapshot without a topic, messages go to a topic of the simulated account (recorded, never sent). */
function withTopic(
  context: CliContext<'failover'>,
  topicArn: string | undefined,
): CliContext<'failover'>['config'] {
  const { config, sim } = context;
  const topic =
    topicArn ??
    config.core.topicArn ??
    (sim ? `arn:aws:sns:${sim.state.region}:${sim.state.accountId}:nat-optimizer-alerts` : undefined);
  return topic ? { ...config, core: { ...config.core, topicArn: topic } } : config;
}

export function registerFailover(program: Command): void {
  withCommonOptions(
    program
      .command('failover')
      .description(
        'handle one CloudWatch alarm state change (--event) or run the 5-minute recheck (--recheck)',
      )
      .option(
        '--event <file>',
        'a CloudWatch Alarm State Change event (JSON), e.g. events/failover-alarm.json',
      )
      .option('--recheck', 're-plan every failing or failed-over gateway from its alarm state now')
      .option('--at <instant>', 'on a snapshot, with --recheck: set the simulated clock first (ISO-8601)')
      .option('--topic-arn <arn>', 'SNS topic to publish to (default: NAT_OPTIMIZER_TOPIC_ARN)'),
    TABLE_OR_JSON,
  ).action(async (options: FailoverOptions) => {
    const format = outputFormat(options, TABLE_OR_JSON);
    if (Boolean(options.event) === Boolean(options.recheck))
      throw new BadInputError('give exactly one of --event FILE and --recheck');
    if (options.event && options.at)
      throw new BadInputError('--at goes with --recheck; with --event the clock follows the event');
    const event = options.event ? await readEvent(options.event) : undefined;
    const context = await openContext(options, 'failover');
    const config = withTopic(context, options.topicArn);
    if (!event) {
      const result = await recheckFailovers(context.runtime, config);
      await emit(format === 'json' ? JSON.stringify(result, null, 2) : renderRecheckTable(result), options);
      await context.finish();
      return;
    }
    if (context.sim) replayAlarmEvent(context.sim, event);
    const result = await handleAlarmEvent(context.runtime, config, event);
    await emit(format === 'json' ? JSON.stringify(result, null, 2) : renderFailoverTable(result), options);
    await context.finish();
    const failed = result.actions.filter((a) => a.result === 'failed').length;
    if (failed > 0)
      throw new IncompleteRunError(`${failed} route table(s) could not be moved (see the output)`);
  });

  withCommonOptions(
    program
      .command('alarms')
      .description('the failover health alarms')
      .command('sync')
      .description(
        'create, update and delete alarms so each gateway tagged nat-optimizer:failover=on has one',
      ),
    TABLE_OR_JSON,
  ).action(async (options: CommonOptions) => {
    const format = outputFormat(options, TABLE_OR_JSON);
    const context = await openContext(options, 'alarmSync');
    const summary = await syncFailoverAlarms(context.runtime, context.config);
    await emit(format === 'json' ? JSON.stringify(summary, null, 2) : renderAlarmSyncTable(summary), options);
    await context.finish();
  });
}
