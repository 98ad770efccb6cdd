// EC2 gateway endpoints on the simulated account: CreateVpcEndpoint / ModifyVpcEndpoint add and remove, in each
// associated route table, the route from the service's prefix list to the endpoint (shown by DescribeRouteTables as
// `GatewayId: vpce-…`), with RouteAlreadyExists when a table already routes that prefix list; plus the managed
// prefix-list entries (GetManagedPrefixListEntries) and the flow-log commands.
import type {
  CreateVpcEndpointCommandInput,
  CreateVpcEndpointResult,
  GetManagedPrefixListEntriesCommandInput,
  GetManagedPrefixListEntriesResult,
  ModifyVpcEndpointCommandInput,
} from '@aws-sdk/client-ec2';
import { invalidParameterValue, missingParameter, refuseDryRun } from './ec2/ec2-errors';
import { hexDigest, IdFactory } from './ec2/ids';
import { paginate } from './ec2/paging';
import { findRouteTable } from './ec2/routes';
import { checkTagCount, toTagList, validateTags } from './ec2/tags';
import { flowLogState } from './flow-log-state';
import { registerFlowLogsEc2 } from './flow-logs-ec2';
import { prefixListCidrsOf } from './prefix-list-cidrs';
import type { SimAccount } from './sim-account';
import type { Snapshot } from './snapshot-schema';

type SimEndpoint = Snapshot['vpcEndpoints'][number];

const GATEWAY_SERVICES = ['s3', 'dynamodb'];
const MAX_POLICY_LENGTH = 20_480;
const ENTRIES_PAGE_RANGE = { min: 1, max: 100 };
const PREFIX_LIST_ID_LENGTH = 8;

function prefixListFor(sim: SimAccount, serviceName: string): string {
  const existing = sim.state.prefixLists.find((list) => list.prefixListName === serviceName);
  if (existing) return existing.prefixListId;
  const prefixListId = `pl-${hexDigest(serviceName, PREFIX_LIST_ID_LENGTH)}`;
  sim.state.prefixLists.push({ prefixListId, prefixListName: serviceName });
  return prefixListId;
}

function checkPolicy(sim: SimAccount, policy: string | undefined): void {
  if (policy === undefined) return;
  let json: unknown;
  try {
    json = JSON.parse(policy);
  } catch {
    json = undefined;
  }
  if (
    policy.length > MAX_POLICY_LENGTH ||
    typeof json !== 'object' ||
    json === null ||
    !('Statement' in json)
  ) {
    throw sim.error('EC2', 'InvalidPolicyDocument', 'The policy document is malformed or too long');
  }
}

/** The tables to associate: existing, in the endpoint's VPC, without a route for the prefix list yet. */
function tablesToAssociate(sim: SimAccount, vpcId: string, prefixListId: string, routeTableIds: string[]) {
  return routeTableIds.map((id) => {
    const table = findRouteTable(sim, id);
    if (table.vpcId !== vpcId) throw invalidParameterValue(sim, `route table ${id} is not in ${vpcId}`);
    if (table.routes.some((route) => route.destinationPrefixListId === prefixListId)) {
      throw sim.error(
        'EC2',
        'RouteAlreadyExists',
        `route table ${id} already has a route with destination-prefix-list-id ${prefixListId}`,
      );
    }
    return table;
  });
}

function describe(sim: SimAccount, endpoint: SimEndpoint) {
  return {
    VpcEndpointId: endpoint.vpcEndpointId,
    VpcEndpointType: 'Gateway' as const,
    VpcId: endpoint.vpcId,
    ServiceName: endpoint.serviceName,
    State: 'Available' as const,
    PolicyDocument: typeof endpoint.policyDocument === 'string' ? endpoint.policyDocument : undefined,
    RouteTableIds: [...endpoint.routeTableIds],
    OwnerId: sim.state.accountId,
    Tags: toTagList(endpoint.tags),
  };
}

function sameRequest(endpoint: SimEndpoint, input: CreateVpcEndpointCommandInput): boolean {
  const tables = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort().join(',');
  return (
    endpoint.vpcId === input.VpcId &&
    endpoint.serviceName === input.ServiceName &&
    tables(endpoint.routeTableIds) === tables(input.RouteTableIds) &&
    endpoint.policyDocument === input.PolicyDocument
  );
}

function createVpcEndpoint(
  sim: SimAccount,
  ids: IdFactory,
  input: CreateVpcEndpointCommandInput,
): CreateVpcEndpointResult {
  if (!input.VpcId) throw missingParameter(sim, 'VpcId');
  if ((input.VpcEndpointType ?? 'Gateway') !== 'Gateway') {
    throw invalidParameterValue(sim, 'the simulated account creates gateway endpoints only');
  }
  const service = GATEWAY_SERVICES.find(
    (s) => input.ServiceName === `com.amazonaws.${sim.state.region}.${s}`,
  );
  if (!service || !input.ServiceName) {
    throw sim.error(
      'EC2',
      'InvalidServiceName',
      `The Vpc Endpoint Service '${input.ServiceName}' does not exist`,
    );
  }
  if (input.ClientToken) {
    const earlier = sim.state.vpcEndpoints.find((e) => e.clientToken === input.ClientToken);
    if (earlier && sameRequest(earlier, input))
      return { VpcEndpoint: describe(sim, earlier), ClientToken: input.ClientToken };
    if (earlier)
      throw sim.error(
        'EC2',
        'IdempotentParameterMismatch',
        'The client token was used with different parameters',
      );
  }
  const vpcId = input.VpcId;
  if (!sim.state.vpcs.some((vpc) => vpc.vpcId === vpcId)) {
    throw sim.error('EC2', 'InvalidVpcId.NotFound', `The vpc ID '${vpcId}' does not exist`);
  }
  checkPolicy(sim, input.PolicyDocument);
  const prefixListId = prefixListFor(sim, input.ServiceName);
  const tables = tablesToAssociate(sim, vpcId, prefixListId, input.RouteTableIds ?? []);
  const tags = validateTags(
    sim,
    (input.TagSpecifications ?? []).flatMap((spec) => spec.Tags ?? []),
  );
  checkTagCount(sim, tags);
  refuseDryRun(sim, input);
  const endpoint: SimEndpoint = {
    vpcEndpointId: ids.next('vpce'),
    vpcId,
    serviceName: input.ServiceName,
    vpcEndpointType: 'Gateway',
    routeTableIds: tables.map((t) => t.routeTableId),
    tags,
    policyDocument:
      input.PolicyDocument ??
      '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
    creationTimestamp: sim.now().toISOString(),
    ...(input.ClientToken ? { clientToken: input.ClientToken } : {}),
  };
  sim.state.vpcEndpoints.push(endpoint);
  for (const table of tables)
    table.routes.push({ destinationPrefixListId: prefixListId, vpcEndpointId: endpoint.vpcEndpointId });
  return {
    VpcEndpoint: describe(sim, endpoint),
    ...(input.ClientToken ? { ClientToken: input.ClientToken } : {}),
  };
}

function modifyVpcEndpoint(sim: SimAccount, input: ModifyVpcEndpointCommandInput) {
  if (!input.VpcEndpointId) throw missingParameter(sim, 'VpcEndpointId');
  const endpoint = sim.state.vpcEndpoints.find((e) => e.vpcEndpointId === input.VpcEndpointId);
  if (!endpoint) {
    throw sim.error(
      'EC2',
      'InvalidVpcEndpointId.NotFound',
      `The vpcEndpoint ID '${input.VpcEndpointId}' does not exist`,
    );
  }
  checkPolicy(sim, input.PolicyDocument);
  const prefixListId = prefixListFor(sim, endpoint.serviceName);
  const added = tablesToAssociate(sim, endpoint.vpcId, prefixListId, input.AddRouteTableIds ?? []);
  const removed = (input.RemoveRouteTableIds ?? []).map((id) => findRouteTable(sim, id));
  refuseDryRun(sim, input);
  for (const table of added)
    table.routes.push({ destinationPrefixListId: prefixListId, vpcEndpointId: endpoint.vpcEndpointId });
  for (const table of removed) {
    table.routes = table.routes.filter(
      (r) => !(r.destinationPrefixListId === prefixListId && r.vpcEndpointId === endpoint.vpcEndpointId),
    );
  }
  const removedIds = new Set(removed.map((t) => t.routeTableId));
  endpoint.routeTableIds = [
    ...endpoint.routeTableIds.filter((id) => !removedIds.has(id)),
    ...added.map((t) => t.routeTableId),
  ];
  if (input.PolicyDocument !== undefined) endpoint.policyDocument = input.PolicyDocument;
  return { Return: true };
}

export function registerEndpointsEc2(sim: SimAccount): void {
  const ids = new IdFactory(
    `${sim.state.accountId}:${sim.state.region}:endpoints`,
    (id) =>
      sim.state.vpcEndpoints.some((e) => e.vpcEndpointId === id) ||
      flowLogState(sim).flowLogs.some((f) => f.flowLogId === id),
  );
  sim.on<CreateVpcEndpointCommandInput>('EC2', 'CreateVpcEndpoint', (input) =>
    createVpcEndpoint(sim, ids, input),
  );
  sim.on<ModifyVpcEndpointCommandInput>('EC2', 'ModifyVpcEndpoint', (input) => modifyVpcEndpoint(sim, input));

  sim.on<GetManagedPrefixListEntriesCommandInput>(
    'EC2',
    'GetManagedPrefixListEntries',
    (input): GetManagedPrefixListEntriesResult => {
      if (!input.PrefixListId) throw missingParameter(sim, 'PrefixListId');
      const list = sim.state.prefixLists.find((candidate) => candidate.prefixListId === input.PrefixListId);
      if (!list)
        throw sim.error(
          'EC2',
          'InvalidPrefixListID.NotFound',
          `The prefix list ID '${input.PrefixListId}' does not exist`,
        );
      const entries = prefixListCidrsOf(sim, list.prefixListName).map((Cidr) => ({ Cidr }));
      const { page, nextToken } = paginate(
        sim,
        'GetManagedPrefixListEntries',
        entries,
        input,
        ENTRIES_PAGE_RANGE,
      );
      return { Entries: page, ...(nextToken ? { NextToken: nextToken } : {}) };
    },
  );
  registerFlowLogsEc2(sim, ids);
}
