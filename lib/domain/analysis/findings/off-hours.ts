// OFF_HOURS_CANDIDATE: a gateway whose traffic has a weekly rhythm with long quiet stretches.

import { IANAZone } from 'luxon';
import { processedBytesSeries } from '../../metric-series';
import { HOURS_PER_MONTH, roundMoney } from '../../pricing/cost-model';
import { formatSchedule } from '../../scheduler/schedule-window';
import { USER_TAGS } from '../../tag-keys';
import { HOUR_MS, HOURS_PER_WEEK } from '../../time-units';
import type { Finding } from '../analysis-result';
import { hours, percent, usd } from './finding-text';
import type { GatewayContext } from './gateway-context';
import { hourOfWeekMeans, upHours, windowsFor } from './hour-of-week-profile';

/** The gateway is kept up this long before and after its busy hours. */
export const OFF_HOURS_MARGIN_HOURS = 1;

export function offHoursFinding(ctx: GatewayContext): Finding | undefined {
  const { gateway, settings } = ctx;
  if (gateway.state !== 'available' || gateway.tags[USER_TAGS.schedule] !== undefined) return undefined;
  if (ctx.observedHours < HOURS_PER_WEEK) return undefined;
  const series = ctx.metrics.BytesInFromSource ?? ctx.metrics.BytesInFromDestination;
  if (!series || series.periodSeconds * 1000 > HOUR_MS) return undefined;
  const timezone = profileZone(ctx);
  const means = hourOfWeekMeans(
    processedBytesSeries(ctx.metrics),
    {
      start: series.start,
      periodSeconds: series.periodSeconds,
      from: Math.max(ctx.window.start.getTime(), gateway.createTime?.getTime() ?? Number.NEGATIVE_INFINITY),
      until: Math.min(ctx.window.end.getTime(), gateway.deleteTime?.getTime() ?? Number.POSITIVE_INFINITY),
    },
    timezone,
  );
  if (!means) return undefined;
  const busiest = Math.max(...means);
  if (busiest <= 0) return undefined;
  const up = upHours(
    means.map((mean) => mean >= settings.offHoursQuietFraction * busiest),
    OFF_HOURS_MARGIN_HOURS,
  );
  const parkedHours = up.filter((isUp) => !isUp).length;
  if (parkedHours === 0 || parkedHours < settings.offHoursMinSavingHours) return undefined;

  const schedule = formatSchedule(windowsFor(up));
  const saving = roundMoney(
    (parkedHours / HOURS_PER_WEEK) * HOURS_PER_MONTH * ctx.prices.natGatewayHourly * (ctx.billedZones ?? 1),
  );
  const total = means.reduce((sum, mean) => sum + mean, 0);
  const parkedShare = means.reduce((sum, mean, hour) => sum + (up[hour] ? 0 : mean), 0) / total;
  return {
    code: 'OFF_HOURS_CANDIDATE',
    severity: 'medium',
    message:
      `${ctx.label} is nearly silent ${hours(parkedHours)} a week (below ${percent(settings.offHoursQuietFraction)} ` +
      `of its busiest hour, ${timezone} time). Parking it outside ${schedule} would save about ${usd(saving)}/month: ` +
      `tag it ${USER_TAGS.schedule}=${schedule}${timezone === 'UTC' ? '' : ` and ${USER_TAGS.timezone}=${timezone}`}. ` +
      `${percent(parkedShare)} of its traffic falls in the parked hours and would have no egress then ` +
      `(nat-optimizer:off-hours=consolidate keeps it flowing through another gateway of the VPC).`,
    estimatedMonthlySavings: saving,
    proposedSchedule: schedule,
    details: { timezone, parkedHoursPerWeek: parkedHours, parkedTrafficShare: parkedShare },
  };
}

/** The gateway's own valid timezone tag, else the configured zone. */
function profileZone(ctx: GatewayContext): string {
  const tagged = ctx.gateway.tags[USER_TAGS.timezone]?.trim();
  return tagged && IANAZone.isValidZone(tagged) ? tagged : ctx.settings.offHoursTimezone;
}
