// `endpoints`: plan the missing S3/DynamoDB gateway endpoints of one VPC, price them, and (when applying) create them.

import { applyEndpointPlan, vpcOwnerId } from '../../aws/endpoints';
import { loadInventory } from '../../aws/inventory';
import type { ConfigOf } from '../../config';
import type { TrafficAttribution } from '../../domain/analysis/traffic-attribution';
import {
  type EndpointPlan,
  type EndpointStep,
  GATEWAY_ENDPOINT_SERVICES,
  type GatewayEndpointService,
  planEndpoints,
} from '../../domain/endpoints/endpoint-plan';
import { defaultEndpointPolicy } from '../../domain/endpoints/endpoint-policy';
import type { EndpointOutcome, EndpointsResult } from '../../domain/endpoints/endpoints-result';
import type { TrafficByService } from '../../domain/metric-series';
import { analysisWindow } from '../../domain/metric-series';
import type { Inventory } from '../../domain/model';
import { billedHours, roundMoney } from '../../domain/pricing/cost-model';
import { resolvePrices } from '../../domain/pricing/prices';
import { MANAGED_TAG } from '../../domain/tag-keys';
import { HOUR_MS } from '../../domain/time-units';
import { BadInputError } from '../../errors';
import type { Runtime } from '../../runtime';

export interface EndpointsOptions {
  vpcId: string;
  extendExisting: boolean;
  /** A validated policy document replacing the default one (both services). */
  policyDocument?: string;
  services?: readonly GatewayEndpointService[];
}

const ACTING: ReadonlySet<string> = new Set(['create', 'extend']);

function endpointTags(step: EndpointStep): Record<string, string> {
  return { [MANAGED_TAG.key]: MANAGED_TAG.value, Name: `nat-optimizer ${step.service} gateway endpoint` };
}

function totalSavings(steps: readonly EndpointOutcome[]): number | null {
  const acting = steps.filter((s) => ACTING.has(s.action) && s.result !== 'failed');
  const known = acting.filter((s) => s.estimatedMonthlySavings !== null);
  if (acting.length > 0 && known.length === 0) return null;
  return roundMoney(known.reduce((sum, s) => sum + (s.estimatedMonthlySavings ?? 0), 0));
}

/** What users must know before endpoints go live: requests change source address and policies apply. */
function userWarnings(inventory: Inventory, plan: EndpointPlan, policySource: 'default' | 'file'): string[] {
  const acting = plan.steps.filter((s) => ACTING.has(s.action));
  if (acting.length === 0) return [];
  const natIds = new Set(
    inventory.routeTables
      .filter((t) => acting.some((s) => s.routeTableIds.includes(t.routeTableId)))
      .flatMap((t) => t.routes.flatMap((r) => r.natGatewayId ?? [])),
  );
  const ips = inventory.natGateways
    .filter((g) => natIds.has(g.natGatewayId) && g.publicIp)
    .map((g) => g.publicIp);
  const warnings = [
    `Bucket policies and IAM conditions that allow the NAT gateways' Elastic IPs (${ips.join(', ') || 'none'}) ` +
      'with aws:SourceIp stop matching once these subnets reach S3/DynamoDB through the endpoint (requests then ' +
      `come from private addresses): allow aws:SourceVpce or aws:SourceVpc (${plan.vpcId}) instead.`,
    'A gateway endpoint carries only same-region traffic: S3/DynamoDB in other regions still goes through NAT.',
  ];
  if (policySource === 'default') {
    warnings.push(
      'The default endpoint policy allows resources of this account (and of the configured organisation) plus the ' +
        "AWS-owned buckets of ECR, Amazon Linux repositories and SSM; other accounts' buckets and tables become " +
        'unreachable from these subnets. Pass --policy FILE to allow more.',
    );
  }
  return warnings;
}

export async function runEndpoints(
  runtime: Runtime,
  config: ConfigOf<'pricing' | 'analysis' | 'endpoints'>,
  attribution: TrafficAttribution,
  options: EndpointsOptions,
): Promise<EndpointsResult> {
  const inventory = await loadInventory(runtime.clients.ec2, runtime.region, { vpcIds: [options.vpcId] });
  if (!inventory.vpcs.some((vpc) => vpc.vpcId === options.vpcId)) {
    throw new BadInputError(`VPC ${options.vpcId} not found in ${runtime.region}`);
  }
  const window = analysisWindow(runtime.now(), config.analysis.windowDays);
  const attributed = await attribution.attribute(inventory, window);
  const result = await endpointsForVpc(runtime, config, inventory, attributed.traffic, options);
  if (attributed.warning) result.warnings.push(attributed.warning);
  return result;
}

/** The plan for one VPC of an inventory already read, carried out when the runtime applies. */
export async function endpointsForVpc(
  runtime: Runtime,
  config: ConfigOf<'pricing' | 'analysis' | 'endpoints'>,
  inventory: Inventory,
  traffic: TrafficByService | undefined,
  options: EndpointsOptions,
): Promise<EndpointsResult> {
  const { ec2 } = runtime.clients;
  const window = analysisWindow(runtime.now(), config.analysis.windowDays);
  const prices = resolvePrices(runtime.region, config.pricing.overrides);
  const observedHours = Object.fromEntries(
    inventory.natGateways.map((g) => [g.natGatewayId, billedHours(g, window)]),
  );
  const plan = planEndpoints({
    inventory,
    vpcId: options.vpcId,
    services: options.services ?? GATEWAY_ENDPOINT_SERVICES,
    extendExisting: options.extendExisting,
    traffic,
    observedHours,
    perGbPrice: prices.natGatewayPerGb,
  });
  const policySource = options.policyDocument ? 'file' : 'default';
  const needsOwner = !options.policyDocument && plan.steps.some((s) => s.action === 'create');
  const accountId = needsOwner ? await vpcOwnerId(ec2, options.vpcId) : undefined;
  const policyFor = (step: EndpointStep): string => {
    if (options.policyDocument) return options.policyDocument;
    if (!accountId) throw new BadInputError(`cannot tell which account owns ${options.vpcId}`);
    const { organizationId } = config.endpoints;
    return defaultEndpointPolicy(step.service, {
      accountId,
      region: runtime.region,
      ...(organizationId ? { organizationId } : {}),
    });
  };
  const outcomes = await applyEndpointPlan(ec2, plan, {
    apply: runtime.apply,
    policyFor,
    tagsFor: endpointTags,
  });
  return {
    region: runtime.region,
    vpcId: options.vpcId,
    apply: runtime.apply,
    window: {
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      hours: (window.end.getTime() - window.start.getTime()) / HOUR_MS,
    },
    natRouteTableIds: plan.natRouteTableIds,
    steps: outcomes.map((o) => (o.action === 'create' ? { ...o, policyDocument: policyFor(o) } : o)),
    estimatedMonthlySavings: totalSavings(outcomes),
    policySource,
    warnings: userWarnings(inventory, plan, policySource),
  };
}
