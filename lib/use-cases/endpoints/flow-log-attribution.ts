// TrafficAttribution from VPC flow logs: one Logs Insights query over the analysis window, aggregated by
// CloudWatch (no raw log events are downloaded). Any failure leaves the analysis running without attribution.

import { describeFlowLogsTo } from '../../aws/flow-logs';
import { runInsightsQuery } from '../../aws/logs-insights';
import { prefixListCidrs } from '../../aws/prefix-lists';
import type { ConfigOf } from '../../config';
import { NO_ATTRIBUTION, type TrafficAttribution } from '../../domain/analysis/traffic-attribution';
import { gatewayServiceName } from '../../domain/endpoints/endpoint-plan';
import {
  attributeTraffic,
  buildFlowLogQuery,
  FLOW_LOG_FORMAT,
  type FlowLogCoverage,
  FlowLogQueryError,
  parseQueryRows,
  QUERY_ROW_LIMIT,
  type ServiceCidrs,
} from '../../domain/endpoints/flow-log-query';
import type { MetricWindow, TrafficByService } from '../../domain/metric-series';
import { type Inventory, isRegional } from '../../domain/model';
import { describeError } from '../../errors';
import type { Runtime } from '../../runtime';

export interface FlowLogAttributionSettings {
  logGroupName: string;
  queryTimeoutSeconds: number;
}

/** The flow-log attribution when a log group is configured; otherwise none (savings reported as unknown). */
export function configuredAttribution(runtime: Runtime, config: ConfigOf<'endpoints'>): TrafficAttribution {
  const { flowLogGroupName, flowLogQueryTimeoutSeconds } = config.endpoints;
  if (!flowLogGroupName) return NO_ATTRIBUTION;
  return flowLogAttribution(runtime, {
    logGroupName: flowLogGroupName,
    queryTimeoutSeconds: flowLogQueryTimeoutSeconds,
  });
}

export function flowLogAttribution(
  runtime: Runtime,
  settings: FlowLogAttributionSettings,
): TrafficAttribution {
  return {
    async attribute(inventory, window) {
      try {
        return await attributeFromFlowLogs(runtime, settings, inventory, window);
      } catch (error) {
        const reason = describeError(error);
        return { warning: `flow-log attribution failed (${reason}): S3/DynamoDB endpoint savings unknown` };
      }
    },
  };
}

async function serviceCidrs(runtime: Runtime, inventory: Inventory): Promise<ServiceCidrs> {
  const cidrsOf = async (service: 's3' | 'dynamodb') => {
    const name = gatewayServiceName(inventory.region, service);
    const list = inventory.prefixLists.find((candidate) => candidate.prefixListName === name);
    if (!list) throw new FlowLogQueryError(`no managed prefix list ${name} in ${inventory.region}`);
    return prefixListCidrs(runtime.clients.ec2, list.prefixListId);
  };
  const [S3, DYNAMODB] = await Promise.all([cidrsOf('s3'), cidrsOf('dynamodb')]);
  return { S3, DYNAMODB };
}

async function attributeFromFlowLogs(
  runtime: Runtime,
  settings: FlowLogAttributionSettings,
  inventory: Inventory,
  window: MetricWindow,
): Promise<{ traffic?: TrafficByService; warning?: string }> {
  const { ec2, logs } = runtime.clients;
  const gateways = inventory.natGateways;
  const flowLogs = await describeFlowLogsTo(ec2, settings.logGroupName);
  const warnings: string[] = [];
  const coverage: FlowLogCoverage[] = [];
  for (const gateway of gateways) {
    // A regional gateway's flow log is on the gateway; its records carry the interface of each AZ.
    const interfaceIds = isRegional(gateway)
      ? [...new Set((gateway.zoneAddresses ?? []).flatMap((a) => a.networkInterfaceId ?? []))]
      : gateway.networkInterfaceId
        ? [gateway.networkInterfaceId]
        : [];
    const [interfaceId] = interfaceIds;
    const resourceId = isRegional(gateway) ? gateway.natGatewayId : interfaceId;
    const logged = flowLogs.filter((f) => resourceId !== undefined && f.resourceId === resourceId);
    const readable = logged.find((f) => f.logFormat === FLOW_LOG_FORMAT && f.creationTime !== undefined);
    if (interfaceId && readable?.creationTime) {
      coverage.push({
        natGatewayId: gateway.natGatewayId,
        interfaceId,
        ...(interfaceIds.length > 1 ? { interfaceIds } : {}),
        loggingSince: readable.creationTime,
        ...(gateway.createTime ? { gatewaySince: gateway.createTime } : {}),
      });
    } else if (logged[0]) {
      warnings.push(
        `flow log ${logged[0].flowLogId} on ${gateway.natGatewayId} has another record format: not read`,
      );
    }
  }
  if (coverage.length === 0) {
    warnings.push(
      `no NAT gateway interface has a flow log in the attribution format delivering to ${settings.logGroupName} ` +
        '(nat-optimizer flow-logs setup): S3/DynamoDB endpoint savings unknown',
    );
    return { warning: warnings.join('; ') };
  }
  const queryString = buildFlowLogQuery(await serviceCidrs(runtime, inventory));
  const waits = {
    ...runtime.waits,
    maxWaitSeconds: Math.min(runtime.waits.maxWaitSeconds, settings.queryTimeoutSeconds),
  };
  const answer = await runInsightsQuery(
    logs,
    {
      logGroupName: settings.logGroupName,
      queryString,
      start: window.start,
      end: window.end,
      limit: QUERY_ROW_LIMIT,
    },
    waits,
  );
  if (answer.rows.length >= QUERY_ROW_LIMIT) {
    warnings.push(
      `the flow-log query returned its limit of ${QUERY_ROW_LIMIT} rows: attribution may be incomplete`,
    );
  }
  const attributed = attributeTraffic(parseQueryRows(answer.rows), coverage, window);
  warnings.push(...attributed.warnings);
  return { traffic: attributed.traffic, ...(warnings.length > 0 ? { warning: warnings.join('; ') } : {}) };
}
