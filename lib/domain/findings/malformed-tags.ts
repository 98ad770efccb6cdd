// MALFORMED_TAG: a user tag the optimizer cannot read. The gateway is then left as it is by every handler.
import { IANAZone } from 'luxon';
import type { Finding } from '../analysis-result';
import { parseSchedule, ScheduleParseError } from '../schedule-window';
import type { GatewayContext } from './gateway-context';
import {
  FAILOVER_TAG,
  FAILOVER_VALUES,
  OFF_HOURS_MODES,
  OFF_HOURS_TAG,
  SCHEDULE_TAG,
  TIMEZONE_TAG,
} from './user-tags';

/** Syntax is checked on its own; the zone is checked by the timezone rule. */
const SYNTAX_CHECK_ZONE = 'UTC';

export function malformedTagFindings(ctx: GatewayContext): Finding[] {
  const tags = ctx.gateway.tags;
  const problems: Array<{ key: string; value: string; problem: string }> = [];
  const schedule = tags[SCHEDULE_TAG];
  if (schedule !== undefined) {
    const problem = scheduleProblem(schedule);
    if (problem) problems.push({ key: SCHEDULE_TAG, value: schedule, problem });
  }
  const timezone = tags[TIMEZONE_TAG];
  if (timezone !== undefined && !IANAZone.isValidZone(timezone.trim())) {
    problems.push({
      key: TIMEZONE_TAG,
      value: timezone,
      problem: 'not an IANA time zone such as Europe/Berlin',
    });
  }
  const offHours = tags[OFF_HOURS_TAG];
  if (offHours !== undefined && !oneOf(offHours, OFF_HOURS_MODES)) {
    problems.push({
      key: OFF_HOURS_TAG,
      value: offHours,
      problem: `expected ${OFF_HOURS_MODES.join(' or ')}`,
    });
  }
  const failover = tags[FAILOVER_TAG];
  if (failover !== undefined && !oneOf(failover, FAILOVER_VALUES)) {
    problems.push({
      key: FAILOVER_TAG,
      value: failover,
      problem: `expected ${FAILOVER_VALUES.join(' or ')}`,
    });
  }
  return problems.map(({ key, value, problem }) => ({
    code: 'MALFORMED_TAG',
    severity: 'medium',
    message:
      `${ctx.label} has ${key}="${value}", which cannot be read (${problem}). The optimizer leaves this gateway ` +
      'exactly as it is until the tag is fixed.',
    estimatedMonthlySavings: null,
    details: { key, value, problem },
  }));
}

function scheduleProblem(value: string): string | undefined {
  try {
    parseSchedule(value, SYNTAX_CHECK_ZONE);
    return undefined;
  } catch (error) {
    if (error instanceof ScheduleParseError) return error.message;
    throw error;
  }
}

/** Exact, lower-case values as Contract 1 writes them. */
function oneOf(value: string, allowed: readonly string[]): boolean {
  return allowed.includes(value);
}
