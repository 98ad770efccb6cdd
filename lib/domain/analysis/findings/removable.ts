// UNROUTED and IDLE: gateways that can be deleted outright. At most one of the two per gateway.

import { HOURS_PER_MONTH } from '../../pricing/cost-model';
import type { Finding } from '../analysis-result';
import { gib, hours, usd } from './finding-text';
import { type GatewayContext, tableLabel } from './gateway-context';

/** Less than a day of metrics says too little about a gateway's usual traffic. */
export const MIN_OBSERVED_HOURS_FOR_IDLE = 24;

export function removalFinding(ctx: GatewayContext): Finding | undefined {
  if (ctx.gateway.state !== 'available') return undefined;
  return ctx.routeTables.length === 0 ? unrouted(ctx) : idle(ctx);
}

function eipNote(ctx: GatewayContext): string {
  if (ctx.gateway.connectivityType !== 'public') return '';
  const eipMonthly = HOURS_PER_MONTH * ctx.prices.publicIpv4Hourly;
  return (
    ` Deleting the gateway keeps its Elastic IP${ctx.gateway.publicIp ? ` ${ctx.gateway.publicIp}` : ''}, ` +
    `which costs ${usd(eipMonthly)}/month until you release it.`
  );
}

function unrouted(ctx: GatewayContext): Finding {
  return {
    code: 'UNROUTED',
    severity: 'high',
    message:
      `${ctx.label} is available but no route table sends traffic to it, so it serves nothing and costs ` +
      `${usd(ctx.projectedMonthlyCost)}/month. Delete it unless it is about to be used.${eipNote(ctx)}`,
    estimatedMonthlySavings: ctx.projectedMonthlyCost,
    details: { processedBytes: ctx.processedBytes },
  };
}

function idle(ctx: GatewayContext): Finding | undefined {
  const threshold = ctx.settings.idleBytesThreshold;
  if (ctx.processedBytes >= threshold || ctx.observedHours < MIN_OBSERVED_HOURS_FOR_IDLE) return undefined;
  const tables = ctx.routeTables.map(tableLabel).join(', ');
  return {
    code: 'IDLE',
    severity: 'medium',
    message:
      `${ctx.label} processed ${gib(ctx.processedBytes)} in ${hours(ctx.observedHours)} ` +
      `(idle below ${gib(threshold)}) although it is the target of ${tables}; it costs ` +
      `${usd(ctx.projectedMonthlyCost)}/month. ` +
      `If nothing in those subnets needs internet access, remove the routes and delete the gateway.${eipNote(ctx)}`,
    estimatedMonthlySavings: ctx.projectedMonthlyCost,
    details: {
      processedBytes: ctx.processedBytes,
      idleBytesThreshold: threshold,
      routeTableIds: ctx.routeTables.map((t) => t.routeTableId),
    },
  };
}
