// `flow-logs setup`: the opt-in that makes S3/DynamoDB attribution possible. One flow log per NAT gateway
// network interface, in the query's format, into a log group with retention.

import { createFlowLogs, describeFlowLogsTo, ensureLogGroup } from '../../aws/flow-logs';
import { loadInventory } from '../../aws/inventory';
import type { FlowLogSetupResult, GatewayFlowLog } from '../../domain/endpoints/endpoints-result';
import { FLOW_LOG_FORMAT } from '../../domain/endpoints/flow-log-query';
import { isRegional, UP_STATES } from '../../domain/model';
import { MANAGED_TAG } from '../../domain/tag-keys';
import { BadInputError } from '../../errors';
import type { Runtime } from '../../runtime';

export interface FlowLogSetupOptions {
  logGroupName: string;
  /** Needed to create flow logs (not to plan them). */
  deliveryRoleArn?: string;
  retentionDays: number;
  /** Only the gateways of these VPCs (all when absent). */
  vpcIds?: string[];
}

function flowLogTags(logGroupName: string): Record<string, string> {
  return { [MANAGED_TAG.key]: MANAGED_TAG.value, Name: `nat-optimizer nat flow log to ${logGroupName}` };
}

export async function runFlowLogSetup(
  runtime: Runtime,
  options: FlowLogSetupOptions,
): Promise<FlowLogSetupResult> {
  const { ec2, logs } = runtime.clients;
  const inventory = await loadInventory(
    ec2,
    runtime.region,
    options.vpcIds ? { vpcIds: options.vpcIds } : {},
  );
  const gateways = inventory.natGateways.filter((g) => UP_STATES.has(g.state));
  const existing = await describeFlowLogsTo(ec2, options.logGroupName);
  const plan: GatewayFlowLog[] = gateways.map((gateway) => {
    const regional = isRegional(gateway);
    const networkInterfaceId = regional ? undefined : gateway.networkInterfaceId;
    const resourceId = regional ? gateway.natGatewayId : networkInterfaceId;
    const base = {
      natGatewayId: gateway.natGatewayId,
      ...(networkInterfaceId ? { networkInterfaceId } : {}),
      ...(regional ? { resourceType: 'RegionalNatGateway' as const } : {}),
    };
    if (!resourceId) {
      return { ...base, action: 'none', reason: 'no network interface reported', result: 'skipped' };
    }
    const present = existing.find((f) => f.resourceId === resourceId);
    if (present?.logFormat === FLOW_LOG_FORMAT) {
      return {
        ...base,
        action: 'none',
        reason: `${present.flowLogId} already delivers to the group`,
        result: 'skipped',
      };
    }
    if (present) {
      return {
        ...base,
        action: 'none',
        reason: `${present.flowLogId} delivers another record format to the group: delete it or use another group`,
        result: 'skipped',
      };
    }
    return { ...base, action: 'create', reason: 'no flow log to the group', result: 'planned' };
  });
  const logGroup = { name: options.logGroupName, retentionDays: options.retentionDays };
  if (!runtime.apply)
    return { logGroup: { ...logGroup, result: 'planned' }, logFormat: FLOW_LOG_FORMAT, gateways: plan };
  if (!options.deliveryRoleArn) {
    throw new BadInputError(
      'creating flow logs needs the delivery role (NAT_OPTIMIZER_FLOW_LOG_ROLE_ARN, --role-arn)',
    );
  }

  const group = await ensureLogGroup(logs, { ...logGroup, tags: { [MANAGED_TAG.key]: MANAGED_TAG.value } });
  const common = {
    logGroupName: options.logGroupName,
    deliveryRoleArn: options.deliveryRoleArn,
    logFormat: FLOW_LOG_FORMAT,
    tags: flowLogTags(options.logGroupName),
  };
  const creating = plan.filter((g) => g.action === 'create');
  const interfaces = creating.flatMap((g) => (g.networkInterfaceId ? [g.networkInterfaceId] : []));
  const regionals = creating.flatMap((g) =>
    g.resourceType === 'RegionalNatGateway' ? [g.natGatewayId] : [],
  );
  const none = { created: [], flowLogIds: [], failed: [] };
  const [onInterfaces, onRegionals] = await Promise.all([
    interfaces.length > 0 ? createFlowLogs(ec2, { ...common, interfaceIds: interfaces }) : none,
    regionals.length > 0
      ? createFlowLogs(ec2, { ...common, interfaceIds: regionals, resourceType: 'RegionalNatGateway' })
      : none,
  ]);
  const failed = [...onInterfaces.failed, ...onRegionals.failed];
  const gatewaysDone = plan.map((g): GatewayFlowLog => {
    if (g.action !== 'create') return g;
    const resourceId = g.resourceType === 'RegionalNatGateway' ? g.natGatewayId : g.networkInterfaceId;
    const failure = failed.find((f) => f.resourceId === resourceId);
    return failure ? { ...g, result: 'failed', error: failure.error } : { ...g, result: 'done' };
  });
  return {
    logGroup: { ...logGroup, result: group.outcome },
    logFormat: FLOW_LOG_FORMAT,
    gateways: gatewaysDone,
  };
}
