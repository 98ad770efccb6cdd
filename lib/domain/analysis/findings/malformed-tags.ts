// MALFORMED_TAG: a user tag the optimizer cannot read. The gateway is then left as it is by every handler.
import { IANAZone } from 'luxon';
import { parseSchedule, ScheduleParseError } from '../../scheduler/schedule-window';
import { USER_TAG_VALUES, USER_TAGS } from '../../tag-keys';
import type { Finding } from '../analysis-result';
import type { GatewayContext } from './gateway-context';

/** Syntax is checked on its own; the zone is checked by the timezone rule. */
const SYNTAX_CHECK_ZONE = 'UTC';

export function malformedTagFindings(ctx: GatewayContext): Finding[] {
  const tags = ctx.gateway.tags;
  const problems: Array<{ key: string; value: string; problem: string }> = [];
  const schedule = tags[USER_TAGS.schedule];
  if (schedule !== undefined) {
    const problem = scheduleProblem(schedule);
    if (problem) problems.push({ key: USER_TAGS.schedule, value: schedule, problem });
  }
  const timezone = tags[USER_TAGS.timezone];
  if (timezone !== undefined && !IANAZone.isValidZone(timezone.trim())) {
    problems.push({
      key: USER_TAGS.timezone,
      value: timezone,
      problem: 'not an IANA time zone such as Europe/Berlin',
    });
  }
  const offHours = tags[USER_TAGS.offHours];
  if (offHours !== undefined && !oneOf(offHours, USER_TAG_VALUES.offHours)) {
    problems.push({
      key: USER_TAGS.offHours,
      value: offHours,
      problem: `expected ${USER_TAG_VALUES.offHours.join(' or ')}`,
    });
  }
  const failover = tags[USER_TAGS.failover];
  if (failover !== undefined && !oneOf(failover, USER_TAG_VALUES.failover)) {
    problems.push({
      key: USER_TAGS.failover,
      value: failover,
      problem: `expected ${USER_TAG_VALUES.failover.join(' or ')}`,
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
