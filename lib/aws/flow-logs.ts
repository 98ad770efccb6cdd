// VPC flow logs on NAT gateway network interfaces, delivered to a CloudWatch Logs group.
import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateFlowLogsCommand,
  type EC2Client,
  paginateDescribeFlowLogs,
  type Tag,
} from '@aws-sdk/client-ec2';

/** Seconds a flow log aggregates a flow before writing a record: the longer one writes fewer records. */
export const FLOW_LOG_AGGREGATION_SECONDS = 600;
const CREATE_BATCH = 100;
const PAGE_SIZE = 1000;

export type LogGroupOutcome = 'created' | 'existing';

/** Creates the group when missing and sets its retention when it differs. */
export async function ensureLogGroup(
  logs: CloudWatchLogsClient,
  group: { name: string; retentionDays: number; tags: Record<string, string> },
): Promise<{ outcome: LogGroupOutcome; retentionChanged: boolean }> {
  let found: { retentionInDays?: number | undefined } | undefined;
  for await (const page of paginateDescribeLogGroups({ client: logs }, { logGroupNamePrefix: group.name })) {
    found ??= page.logGroups?.find((candidate) => candidate.logGroupName === group.name);
  }
  if (!found) await logs.send(new CreateLogGroupCommand({ logGroupName: group.name, tags: group.tags }));
  const retentionChanged = found?.retentionInDays !== group.retentionDays;
  if (retentionChanged) {
    await logs.send(
      new PutRetentionPolicyCommand({ logGroupName: group.name, retentionInDays: group.retentionDays }),
    );
  }
  return { outcome: found ? 'existing' : 'created', retentionChanged };
}

export interface FlowLogInfo {
  flowLogId: string;
  resourceId: string;
  logFormat: string;
  creationTime: Date | undefined;
  deliverLogsStatus: string | undefined;
}

export async function describeFlowLogsTo(ec2: EC2Client, logGroupName: string): Promise<FlowLogInfo[]> {
  const flowLogs: FlowLogInfo[] = [];
  const input = { Filter: [{ Name: 'log-group-name', Values: [logGroupName] }] };
  for await (const page of paginateDescribeFlowLogs({ client: ec2, pageSize: PAGE_SIZE }, input)) {
    for (const flowLog of page.FlowLogs ?? []) {
      if (!flowLog.FlowLogId || !flowLog.ResourceId) continue;
      flowLogs.push({
        flowLogId: flowLog.FlowLogId,
        resourceId: flowLog.ResourceId,
        logFormat: flowLog.LogFormat ?? '',
        creationTime: flowLog.CreationTime,
        deliverLogsStatus: flowLog.DeliverLogsStatus,
      });
    }
  }
  return flowLogs;
}

export interface FlowLogRequest {
  /** Network interfaces (zonal gateways), or regional NAT gateway ids with `resourceType: 'RegionalNatGateway'`. */
  interfaceIds: readonly string[];
  resourceType?: 'NetworkInterface' | 'RegionalNatGateway';
  logGroupName: string;
  deliveryRoleArn: string;
  logFormat: string;
  tags: Record<string, string>;
}

export interface FlowLogCreation {
  /** Resources (interfaces, regional gateways) that now have a flow log. */
  created: string[];
  flowLogIds: string[];
  failed: Array<{ resourceId: string; error: string }>;
}

/** All traffic of each resource, in the given format; CreateFlowLogs reports per-resource failures in Unsuccessful. */
export async function createFlowLogs(ec2: EC2Client, request: FlowLogRequest): Promise<FlowLogCreation> {
  const result: FlowLogCreation = { created: [], flowLogIds: [], failed: [] };
  const tags: Tag[] = Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value }));
  for (let i = 0; i < request.interfaceIds.length; i += CREATE_BATCH) {
    const batch = request.interfaceIds.slice(i, i + CREATE_BATCH);
    const answer = await ec2.send(
      new CreateFlowLogsCommand({
        ResourceType: request.resourceType ?? 'NetworkInterface',
        ResourceIds: batch,
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: request.logGroupName,
        DeliverLogsPermissionArn: request.deliveryRoleArn,
        LogFormat: request.logFormat,
        MaxAggregationInterval: FLOW_LOG_AGGREGATION_SECONDS,
        TagSpecifications: [{ ResourceType: 'vpc-flow-log', Tags: tags }],
      }),
    );
    const failed = new Set<string>();
    for (const item of answer.Unsuccessful ?? []) {
      const resourceId = item.ResourceId ?? '';
      failed.add(resourceId);
      result.failed.push({
        resourceId,
        error: `${item.Error?.Code ?? 'Error'}: ${item.Error?.Message ?? ''}`.trim(),
      });
    }
    result.created.push(...batch.filter((id) => !failed.has(id)));
    result.flowLogIds.push(...(answer.FlowLogIds ?? []));
  }
  return result;
}
