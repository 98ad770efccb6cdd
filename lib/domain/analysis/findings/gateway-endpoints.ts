// GATEWAY_ENDPOINT_S3 / GATEWAY_ENDPOINT_DYNAMODB: S3 or DynamoDB traffic paying NAT data processing
// where a free gateway endpoint would carry it.

import { tablesReachingService } from '../../endpoints/endpoint-plan';
import type { ServiceTraffic } from '../../metric-series';
import type { RouteTable } from '../../model';
import { monthlyDataCost } from '../../pricing/cost-model';
import type { Finding, FindingCaveat, FindingCode } from '../analysis-result';
import { gib, hours, percent, usd } from './finding-text';
import { type GatewayContext, tableLabel } from './gateway-context';
import { routesDefaultThrough, subnetShare } from './route-tables';

interface EndpointService {
  code: FindingCode;
  key: keyof Pick<ServiceTraffic, 'S3' | 'DYNAMODB'>;
  suffix: string;
  displayName: string;
  article: string;
  policies: string;
}

const SERVICES: readonly EndpointService[] = [
  {
    code: 'GATEWAY_ENDPOINT_S3',
    key: 'S3',
    suffix: 's3',
    displayName: 'S3',
    article: 'an',
    policies: 'bucket policies',
  },
  {
    code: 'GATEWAY_ENDPOINT_DYNAMODB',
    key: 'DYNAMODB',
    suffix: 'dynamodb',
    displayName: 'DynamoDB',
    article: 'a',
    policies: 'IAM and table policies',
  },
];

/** Why an endpoint can break access: the same for every gateway of the region, so reports print it once. */
function sourceIpCaveat(service: EndpointService, region: string): FindingCaveat {
  return {
    id: `${service.suffix}-endpoint-source-ip`,
    text:
      `Before adding ${service.article} ${service.displayName} gateway endpoint: ${service.policies} that allow a NAT gateway's ` +
      'Elastic IP with aws:SourceIp stop matching, because requests then come from private addresses through the ' +
      `endpoint; use aws:SourceVpce or aws:SourceVpc instead. The endpoint only serves ${service.displayName} in ${region}.`,
  };
}

const FLOW_LOG_CAVEAT: FindingCaveat = {
  id: 'flow-log-attribution',
  text:
    'S3 and DynamoDB savings are unknown for gateways without flow-log attribution: `nat-optimizer flow-logs setup ' +
    '--apply` adds a VPC flow log with pkt-dst-aws-service on each NAT gateway network interface, and the next ' +
    'analysis measures the bytes a gateway endpoint would take off the NAT gateway.',
};

export function gatewayEndpointFindings(ctx: GatewayContext): Finding[] {
  if (ctx.gateway.state !== 'available') return [];
  const defaultTables = ctx.routeTables.filter((t) => routesDefaultThrough(t, ctx.gateway.natGatewayId));
  if (defaultTables.length === 0) return [];
  return SERVICES.flatMap((service) => {
    const finding = endpointFinding(ctx, service, defaultTables);
    return finding ? [finding] : [];
  });
}

function endpointFinding(
  ctx: GatewayContext,
  service: EndpointService,
  defaultTables: RouteTable[],
): Finding | undefined {
  const serviceName = `com.amazonaws.${ctx.inventory.region}.${service.suffix}`;
  const covered = tablesReachingService(ctx.inventory, ctx.gateway.vpcId, serviceName);
  const lacking = defaultTables.filter((table) => !covered.has(table.routeTableId));
  if (lacking.length === 0) return undefined;
  const attributed = ctx.traffic?.[service.key];
  if (attributed === 0) return undefined;
  const share = subnetShare(lacking, defaultTables);
  const tables = lacking.map(tableLabel).join(', ');
  const eip = ctx.gateway.publicIp
    ? ` Its Elastic IP is ${ctx.gateway.publicIp}: read the aws:SourceIp caveat before adding the endpoint.`
    : '';
  const caveats = [sourceIpCaveat(service, ctx.inventory.region)];
  const details = { serviceName, routeTableIds: lacking.map((t) => t.routeTableId), trafficShare: share };

  if (attributed === undefined) {
    return {
      code: service.code,
      severity: 'low',
      message:
        `${ctx.label} carries the internet traffic of ${tables}, which ${lacking.length === 1 ? 'has' : 'have'} ` +
        `no ${service.displayName} gateway endpoint ` +
        `(${serviceName}), which is free. The saving is unknown: there is no flow-log attribution for this gateway.${eip}`,
      estimatedMonthlySavings: null,
      details,
      caveats: [...caveats, FLOW_LOG_CAVEAT],
    };
  }
  const bytes = attributed * share;
  const saving = monthlyDataCost(bytes, ctx.observedHours, ctx.prices.natGatewayPerGb);
  const shareNote = share < 1 ? ` (the ${percent(share)} of it estimated to come from those tables)` : '';
  return {
    code: service.code,
    severity: 'medium',
    message:
      `${ctx.label} processed ${gib(attributed)} of ${service.displayName} traffic in ${hours(ctx.observedHours)}` +
      `${shareNote}. A free ${service.displayName} gateway endpoint (${serviceName}) on ${tables} would take it off ` +
      `the NAT gateway and save about ${usd(saving)}/month of data processing (only ${service.displayName} in ` +
      `${ctx.inventory.region} is counted: traffic to other regions stays on the NAT gateway).${eip}`,
    estimatedMonthlySavings: saving,
    details: { ...details, serviceBytes: attributed },
    caveats,
  };
}
