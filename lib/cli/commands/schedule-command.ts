// nat-optimizer schedule: one scheduler run at an instant, or a replayed period on a snapshot.

import type { Command } from 'commander';
import { MINUTE_MS, MINUTES_PER_HOUR } from '../../domain/time-units';
import { BadInputError, IncompleteRunError } from '../../errors';
import { renderReplayTable, renderScheduleTable } from '../../report/schedule-table';
import { runSchedule } from '../../use-cases/scheduler/schedule';
import { replaySchedule } from '../../use-cases/scheduler/schedule-replay';
import { type CommonOptions, emit, openContext, outputFormat, parseInstant } from '../cli-context';
import { TABLE_OR_JSON, withCommonOptions } from '../common-options';

interface ScheduleOptions extends CommonOptions {
  from?: string;
  to?: string;
  step: string;
}

const STEP = /^(\d+)(m|h)$/;
/** A replay runs the scheduler once per step: a year of 5-minute steps is the most it takes. */
const MAX_REPLAY_RUNS = 105_120;

export function parseStep(text: string): number {
  const match = STEP.exec(text.trim());
  const amount = Number(match?.[1] ?? Number.NaN);
  if (!match || amount <= 0)
    throw new BadInputError(`--step must be a duration such as 5m, 15m or 1h, got "${text}"`);
  return match[2] === 'h' ? amount * MINUTES_PER_HOUR : amount;
}

interface Printed {
  text: string;
  failed: number;
  /** Writes --write-snapshot once the output is out. */
  finish(): Promise<void>;
}

async function replay(options: ScheduleOptions): Promise<Printed> {
  const context = await openContext(options, 'scheduleReplay');
  const { sim } = context;
  if (!sim) throw new BadInputError('--from/--to replays a period on a simulated account: pass --snapshot');
  if (!options.from || !options.to) throw new BadInputError('a replay needs both --from and --to');
  if (options.at) throw new BadInputError('--at and --from/--to cannot be combined');
  const from = parseInstant(options.from, '--from');
  const to = parseInstant(options.to, '--to');
  const stepMinutes = parseStep(options.step);
  if (to <= from) throw new BadInputError(`--to (${options.to}) must be after --from (${options.from})`);
  if ((to.getTime() - from.getTime()) / (stepMinutes * MINUTE_MS) > MAX_REPLAY_RUNS) {
    throw new BadInputError(`--from/--to/--step would mean more than ${MAX_REPLAY_RUNS} runs`);
  }
  const result = await replaySchedule(
    context.runtime,
    context.config,
    { set: (at) => sim.setClock(at) },
    { from, to, stepMinutes },
  );
  const text =
    outputFormat(options, TABLE_OR_JSON) === 'json'
      ? JSON.stringify(result, null, 2)
      : renderReplayTable(result);
  return { text, failed: result.actions.filter((a) => a.result === 'failed').length, finish: context.finish };
}

async function once(options: ScheduleOptions): Promise<Printed> {
  const context = await openContext(options, 'schedule');
  let runtime = context.runtime;
  if (options.at && !context.sim) {
    // A real account's clock cannot be moved: --at there only asks what a run at that instant would plan.
    if (runtime.apply)
      throw new BadInputError('--at with --apply: on a real account a run acts now, without --at');
    const at = parseInstant(options.at, '--at');
    runtime = { ...runtime, now: () => at };
  }
  const result = await runSchedule(runtime, context.config);
  const text =
    outputFormat(options, TABLE_OR_JSON) === 'json'
      ? JSON.stringify(result, null, 2)
      : renderScheduleTable(result);
  return { text, failed: result.actions.filter((a) => a.result === 'failed').length, finish: context.finish };
}

export function registerSchedule(program: Command): void {
  withCommonOptions(
    program
      .command('schedule')
      .description(
        'off-hours: park and unpark opted-in NAT gateways (nat-optimizer:schedule) for one instant or a period',
      )
      .option('--at <instant>', 'run at this instant (ISO-8601); on a snapshot it sets the simulated clock')
      .option('--from <instant>', 'with --snapshot: replay from this instant…')
      .option('--to <instant>', '…to this one, reporting every action and what parking saved')
      .option('--step <duration>', 'replay: time between runs (e.g. 5m, 15m, 1h)', '15m'),
    TABLE_OR_JSON,
  ).action(async (options: ScheduleOptions) => {
    outputFormat(options, TABLE_OR_JSON);
    const isReplay = options.from !== undefined || options.to !== undefined;
    if (isReplay && options.at) throw new BadInputError('--at and --from/--to cannot be combined');
    const { text, failed, finish } = isReplay ? await replay(options) : await once(options);
    await emit(text, options);
    await finish();
    if (failed > 0) throw new IncompleteRunError(`${failed} scheduler action(s) failed (see the output)`);
  });
}
