// The exact command or tag that applies each finding, and the commands of a whole run grouped for "how to act".

import type {
  AnalysisResult,
  Finding,
  FindingCode,
  GatewayAnalysis,
} from '../domain/analysis/analysis-result';
import { USER_TAGS } from '../domain/tag-keys';
import { createTagsCommand, proposedTags, RESOURCE_ID, type TagSetting } from './analysis-actions';
import { gatewaysBySavings, savingOf } from './analysis-summary';

export interface FindingAction {
  /** What to do, in a few words. */
  text: string;
  /** Tags to set, when the action is a tag. */
  tags: TagSetting[];
  /** Commands to run in this order; empty when the action needs a person's choice (see the message). */
  commands: string[];
}

const FAILOVER_TAG: TagSetting = { key: USER_TAGS.failover, value: 'on' };
const DEFAULT_DESTINATION = '0.0.0.0/0';
const ENDPOINT_SERVICE: Partial<Record<FindingCode, string>> = {
  GATEWAY_ENDPOINT_S3: 's3',
  GATEWAY_ENDPOINT_DYNAMODB: 'dynamodb',
};

function safe(...values: string[]): boolean {
  return values.every((v) => RESOURCE_ID.test(v));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `nat-optimizer endpoints --vpc … --apply`, for one VPC and the services it lacks (all: no --service). */
export function endpointsCommand(region: string, vpcId: string, services: readonly string[]): string | null {
  if (!safe(region, vpcId, ...services)) return null;
  const all = Object.values(ENDPOINT_SERVICE);
  const serviceArg = all.every((s) => services.includes(s)) ? '' : ` --service ${services.join(' ')}`;
  return `nat-optimizer endpoints --region ${region} --vpc ${vpcId}${serviceArg} --apply`;
}

function deleteGatewayCommand(region: string, gatewayId: string): string[] {
  return safe(region, gatewayId)
    ? [`aws ec2 delete-nat-gateway --region ${region} --nat-gateway-id ${gatewayId}`]
    : [];
}

function removeRoutesCommands(region: string, routeTableIds: string[]): string[] {
  return routeTableIds
    .filter((id) => safe(region, id))
    .map(
      (id) =>
        `aws ec2 delete-route --region ${region} --route-table-id ${id} --destination-cidr-block ${DEFAULT_DESTINATION}`,
    );
}

function tagAction(
  text: string,
  region: string,
  gateway: GatewayAnalysis,
  tags: TagSetting[],
): FindingAction {
  const command = createTagsCommand(region, gateway.natGatewayId, tags);
  return { text, tags, commands: command === null ? [] : [command] };
}

/** The action that applies one finding, or undefined when there is nothing to run (a note, a trade-off). */
export function findingAction(
  region: string,
  gateway: GatewayAnalysis,
  finding: Finding,
): FindingAction | undefined {
  const id = gateway.natGatewayId;
  switch (finding.code) {
    case 'OFF_HOURS_CANDIDATE': {
      const tags = proposedTags(finding);
      return tags.length > 0 ? tagAction('Set the schedule tags', region, gateway, tags) : undefined;
    }
    case 'GATEWAY_ENDPOINT_S3':
    case 'GATEWAY_ENDPOINT_DYNAMODB': {
      const command = endpointsCommand(region, gateway.vpcId, [ENDPOINT_SERVICE[finding.code] ?? '']);
      return {
        text: 'Create the free gateway endpoint (without --apply it prints the plan)',
        tags: [],
        commands: command === null ? [] : [command],
      };
    }
    case 'UNROUTED':
      return {
        text: 'Delete the gateway (its Elastic IP is kept)',
        tags: [],
        commands: deleteGatewayCommand(region, id),
      };
    case 'IDLE':
      return {
        text: 'Remove its default routes, then delete it (its Elastic IP is kept)',
        tags: [],
        commands: [
          ...removeRoutesCommands(region, stringList(finding.details?.routeTableIds)),
          ...deleteGatewayCommand(region, id),
        ],
      };
    case 'SINGLE_AZ':
      return tagAction(
        'Add a NAT gateway in another AZ of the VPC, then opt both into failover',
        region,
        gateway,
        [FAILOVER_TAG],
      );
    case 'PORT_ALLOCATION_ERRORS':
      return safe(region, id)
        ? {
            text: 'Add secondary addresses (up to 8 per gateway): set SPARE_ALLOCATION_ID to a free Elastic IP allocation id',
            tags: [],
            commands: [
              `aws ec2 associate-nat-gateway-address --region ${region} --nat-gateway-id ${id} --allocation-ids "$SPARE_ALLOCATION_ID"`,
            ],
          }
        : undefined;
    case 'MALFORMED_TAG': {
      const key = finding.details?.key;
      if (typeof key !== 'string' || !/^[A-Za-z0-9:_-]+$/.test(key) || !safe(region, id)) return undefined;
      return {
        text: 'Correct the value (see the message), or remove the tag',
        tags: [],
        commands: [`aws ec2 delete-tags --region ${region} --resources ${id} --tags Key=${key}`],
      };
    }
    default:
      return undefined;
  }
}

export interface RunAction {
  text: string;
  commands: string[];
  estimatedMonthlySavings: number;
  gateways: GatewayAnalysis[];
}

/** One entry per command of the run, largest saving first; one endpoints command per VPC covers its gateways. */
export function runActions(result: AnalysisResult): RunAction[] {
  const byKey = new Map<string, RunAction>();
  const endpointServices = new Map<string, Set<string>>();
  for (const gateway of gatewaysBySavings(result)) {
    for (const finding of gateway.findings) {
      const action = findingAction(result.region, gateway, finding);
      if (!action || action.commands.length === 0) continue;
      const service = ENDPOINT_SERVICE[finding.code];
      const key = service ? `endpoints ${gateway.vpcId}` : action.commands.join('\n');
      const entry = byKey.get(key) ?? {
        text: action.text,
        commands: action.commands,
        estimatedMonthlySavings: 0,
        gateways: [],
      };
      entry.estimatedMonthlySavings += savingOf(finding);
      if (!entry.gateways.includes(gateway)) entry.gateways.push(gateway);
      if (service) {
        const services = endpointServices.get(gateway.vpcId) ?? new Set<string>();
        services.add(service);
        endpointServices.set(gateway.vpcId, services);
        const command = endpointsCommand(result.region, gateway.vpcId, [...services].sort().reverse());
        entry.commands = command === null ? [] : [command];
      }
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings);
}
