// EC2 CreateFlowLogs / DescribeFlowLogs on the simulated account: flow logs on NAT gateway interfaces, VPCs and
// subnets, delivered to CloudWatch Logs (the group is created on first delivery, as VPC Flow Logs does).
import type {
  CreateFlowLogsCommandInput,
  CreateFlowLogsResult,
  DescribeFlowLogsCommandInput,
  DescribeFlowLogsResult,
  FlowLog,
  UnsuccessfulItem,
} from '@aws-sdk/client-ec2';
import { describeResources } from './ec2/describe-resources';
import { invalidParameterValue, listGiven, missingParameter, refuseDryRun } from './ec2/ec2-errors';
import type { FilterFields } from './ec2/filters';
import type { IdFactory } from './ec2/ids';
import { DEFAULT_PAGE_RANGE } from './ec2/paging';
import { checkTagCount, describedTags, toTagList, validateTags } from './ec2/tags';
import { type FlowLogState, flowLogState, type SimFlowLog } from './flow-log-state';
import {
  DEFAULT_FLOW_LOG_FIELDS,
  DEFAULT_FLOW_LOG_FORMAT,
  natInterfaceIds,
  regionalGatewayIds,
} from './flow-records';
import type { SimAccount } from './sim-account';

/** Record fields a custom format may use (versions 2 to 5 and later). */
const FORMAT_FIELDS = new Set([
  ...DEFAULT_FLOW_LOG_FIELDS,
  'vpc-id',
  'subnet-id',
  'instance-id',
  'tcp-flags',
  'type',
  'pkt-srcaddr',
  'pkt-dstaddr',
  'region',
  'az-id',
  'sublocation-type',
  'sublocation-id',
  'pkt-src-aws-service',
  'pkt-dst-aws-service',
  'flow-direction',
  'traffic-path',
  'ecs-cluster-arn',
  'ecs-cluster-name',
  'ecs-container-instance-arn',
  'ecs-container-instance-id',
  'ecs-container-id',
  'ecs-second-container-id',
  'ecs-service-name',
  'ecs-task-definition-arn',
  'ecs-task-arn',
  'ecs-task-id',
  'reject-reason',
]);
const NOUNS = {
  NetworkInterface: 'networkInterface',
  RegionalNatGateway: 'natGateway',
  Subnet: 'subnet',
  VPC: 'vpc',
} as const;
const AGGREGATION_INTERVALS = new Set([60, 600]);
const DEFAULT_AGGREGATION_SECONDS = 600;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

const FLOW_LOG_FIELDS: FilterFields<FlowLog> = {
  'flow-log-id': (f) => [f.FlowLogId],
  'resource-id': (f) => [f.ResourceId],
  'log-group-name': (f) => [f.LogGroupName],
  'log-destination-type': (f) => [f.LogDestinationType],
  'traffic-type': (f) => [f.TrafficType],
  'deliver-log-status': (f) => [f.DeliverLogsStatus],
};

function checkFormat(sim: SimAccount, format: string): void {
  const tokens = format.split(' ');
  const unknown = tokens.filter((token) => !FORMAT_FIELDS.has(/^\$\{([a-z0-9-]+)\}$/.exec(token)?.[1] ?? ''));
  if (unknown.length > 0) throw invalidParameterValue(sim, `Unknown fields provided: ${unknown.join(', ')}`);
}

function resourceExists(
  sim: SimAccount,
  interfaces: ReadonlyMap<string, unknown>,
  type: string,
  id: string,
): boolean {
  if (type === 'NetworkInterface') return interfaces.has(id);
  if (type === 'RegionalNatGateway') return regionalGatewayIds(sim).has(id);
  if (type === 'Subnet') return sim.state.subnets.some((subnet) => subnet.subnetId === id);
  return sim.state.vpcs.some((vpc) => vpc.vpcId === id);
}

function validated(sim: SimAccount, input: CreateFlowLogsCommandInput) {
  const type = input.ResourceType;
  if (type !== 'NetworkInterface' && type !== 'RegionalNatGateway' && type !== 'Subnet' && type !== 'VPC') {
    throw invalidParameterValue(
      sim,
      `ResourceType ${type ?? '(missing)'} is not supported by the simulated account`,
    );
  }
  if (!listGiven(input.ResourceIds)) throw missingParameter(sim, 'ResourceIds');
  if (input.TrafficType !== 'ACCEPT' && input.TrafficType !== 'REJECT' && input.TrafficType !== 'ALL') {
    throw missingParameter(sim, 'TrafficType');
  }
  if ((input.LogDestinationType ?? 'cloud-watch-logs') !== 'cloud-watch-logs') {
    throw invalidParameterValue(sim, 'the simulated account delivers flow logs to CloudWatch Logs only');
  }
  const logGroupName =
    input.LogGroupName ?? input.LogDestination?.split(':log-group:')[1]?.replace(/:\*$/, '');
  if (!logGroupName) throw missingParameter(sim, 'LogGroupName');
  if (!input.DeliverLogsPermissionArn) throw missingParameter(sim, 'DeliverLogsPermissionArn');
  if (!ROLE_ARN.test(input.DeliverLogsPermissionArn)) {
    throw invalidParameterValue(
      sim,
      `DeliverLogsPermissionArn ${input.DeliverLogsPermissionArn} is not a role ARN`,
    );
  }
  const logFormat = input.LogFormat ?? DEFAULT_FLOW_LOG_FORMAT;
  checkFormat(sim, logFormat);
  const interval = input.MaxAggregationInterval ?? DEFAULT_AGGREGATION_SECONDS;
  if (!AGGREGATION_INTERVALS.has(interval))
    throw invalidParameterValue(sim, 'MaxAggregationInterval must be 60 or 600');
  const tags = validateTags(
    sim,
    (input.TagSpecifications ?? []).flatMap((spec) => spec.Tags ?? []),
  );
  checkTagCount(sim, tags);
  return {
    type,
    resourceIds: input.ResourceIds,
    trafficType: input.TrafficType,
    logGroupName,
    roleArn: input.DeliverLogsPermissionArn,
    logFormat,
    interval,
    tags,
  };
}

function describeFlowLog(sim: SimAccount, flowLog: SimFlowLog): FlowLog {
  return {
    FlowLogId: flowLog.flowLogId,
    CreationTime: new Date(flowLog.creationTime),
    DeliverLogsPermissionArn: flowLog.deliverLogsPermissionArn,
    DeliverLogsStatus: 'SUCCESS',
    FlowLogStatus: 'ACTIVE',
    LogGroupName: flowLog.logGroupName,
    ResourceId: flowLog.resourceId,
    TrafficType: flowLog.trafficType,
    LogDestinationType: 'cloud-watch-logs',
    LogDestination: `arn:aws:logs:${sim.state.region}:${sim.state.accountId}:log-group:${flowLog.logGroupName}`,
    LogFormat: flowLog.logFormat,
    MaxAggregationInterval: flowLog.maxAggregationInterval,
    Tags: toTagList(flowLog.tags),
  };
}

function createFlowLogs(
  sim: SimAccount,
  state: FlowLogState,
  ids: IdFactory,
  input: CreateFlowLogsCommandInput,
): CreateFlowLogsResult {
  const request = validated(sim, input);
  refuseDryRun(sim, input);
  const unsuccessful: UnsuccessfulItem[] = [];
  const interfaces = natInterfaceIds(sim);
  const flowLogIds: string[] = [];
  for (const resourceId of request.resourceIds) {
    if (!resourceExists(sim, interfaces, request.type, resourceId)) {
      const noun = NOUNS[request.type];
      unsuccessful.push({
        ResourceId: resourceId,
        Error: {
          // RegionalNatGateway: AWS does not document the code; the one its NAT gateway calls use.
          Code:
            request.type === 'RegionalNatGateway'
              ? 'NatGatewayNotFound'
              : `Invalid${request.type}Id.NotFound`,
          Message: `The ${noun} ID '${resourceId}' does not exist`,
        },
      });
      continue;
    }
    const duplicate = state.flowLogs.some(
      (f) =>
        f.resourceId === resourceId &&
        f.logGroupName === request.logGroupName &&
        f.trafficType === request.trafficType,
    );
    if (duplicate) {
      unsuccessful.push({
        ResourceId: resourceId,
        Error: {
          Code: 'FlowLogAlreadyExists',
          Message: 'Error. There is an existing Flow Log with the same configuration and log destination.',
        },
      });
      continue;
    }
    const flowLogId = ids.next('fl');
    state.flowLogs.push({
      flowLogId,
      resourceId,
      resourceType: request.type,
      trafficType: request.trafficType,
      logGroupName: request.logGroupName,
      deliverLogsPermissionArn: request.roleArn,
      logFormat: request.logFormat,
      maxAggregationInterval: request.interval,
      creationTime: sim.now().toISOString(),
      tags: request.tags,
    });
    flowLogIds.push(flowLogId);
  }
  if (flowLogIds.length > 0 && !state.logGroups.some((g) => g.logGroupName === request.logGroupName)) {
    state.logGroups.push({
      logGroupName: request.logGroupName,
      creationTime: sim.now().toISOString(),
      tags: {},
    });
  }
  state.persist();
  return {
    FlowLogIds: flowLogIds,
    Unsuccessful: unsuccessful,
    ...(input.ClientToken ? { ClientToken: input.ClientToken } : {}),
  };
}

export function registerFlowLogsEc2(sim: SimAccount, ids: IdFactory): void {
  const state = flowLogState(sim);
  sim.on<CreateFlowLogsCommandInput>('EC2', 'CreateFlowLogs', (input) =>
    createFlowLogs(sim, state, ids, input),
  );

  sim.on<DescribeFlowLogsCommandInput>('EC2', 'DescribeFlowLogs', (input): DescribeFlowLogsResult => {
    const { page, nextToken } = describeResources(sim, {
      command: 'DescribeFlowLogs',
      input: { ...input, Filters: input.Filter },
      items: state.flowLogs,
      idOf: (flowLog) => flowLog.flowLogId,
      requestedIds: input.FlowLogIds,
      notFound: { code: 'InvalidFlowLogId.NotFound', noun: 'flowLog' },
      describe: (flowLog) => describeFlowLog(sim, flowLog),
      fields: FLOW_LOG_FIELDS,
      tagsOf: describedTags,
      pageRange: DEFAULT_PAGE_RANGE,
    });
    return { FlowLogs: page, NextToken: nextToken };
  });
}
