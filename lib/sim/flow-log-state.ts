// Log groups and flow logs of the simulated account. They live in the snapshot as extra fields (`logGroups`,
// `flowLogs`), so `--write-snapshot` keeps them; test hooks (extra records, query faults) live beside them.
import type { ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import type { SimAccount } from './sim-account';

const tags = z.record(z.string(), z.string()).default({});

const logGroupSchema = z.looseObject({
  logGroupName: z.string(),
  creationTime: z.iso.datetime({ offset: true }),
  retentionInDays: z.number().int().positive().optional(),
  tags,
});

const flowLogSchema = z.looseObject({
  flowLogId: z.string().startsWith('fl-'),
  resourceId: z.string(),
  resourceType: z.enum(['NetworkInterface', 'RegionalNatGateway', 'Subnet', 'VPC']),
  trafficType: z.enum(['ACCEPT', 'REJECT', 'ALL']),
  logGroupName: z.string(),
  deliverLogsPermissionArn: z.string(),
  logFormat: z.string(),
  maxAggregationInterval: z.number(),
  creationTime: z.iso.datetime({ offset: true }),
  tags,
});

export type SimLogGroup = z.infer<typeof logGroupSchema>;
export type SimFlowLog = z.infer<typeof flowLogSchema>;

/** A flow record added by a test, on the interface of a NAT gateway (e.g. S3 traffic to another region). */
export interface SimFlowRecord {
  direction: 'ingress' | 'egress';
  srcAddr: string;
  dstAddr: string;
  srcService?: string;
  dstService?: string;
  bytes: number;
  logStatus?: 'OK' | 'NODATA' | 'SKIPDATA';
}

/** How the next query ends: a final status other than Complete, never finishing, or an error from StartQuery. */
export type QueryFault =
  | { status: 'Failed' | 'Cancelled' | 'Timeout' }
  | { status: 'Running' }
  | { error: 'MalformedQueryException' | 'LimitExceededException' | 'ServiceUnavailableException' };

export interface SimQuery {
  queryId: string;
  status: 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout';
  finalStatus: 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Running';
  rows: ResultField[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number };
  polls: number;
}

export interface FlowLogState {
  logGroups: SimLogGroup[];
  flowLogs: SimFlowLog[];
  extraRecords: Map<string, SimFlowRecord[]>;
  nextQueryFault: QueryFault | undefined;
  malformedRows: ResultField[][];
  queries: Map<string, SimQuery>;
  /** Writes the lists back into the snapshot state (after a change). */
  persist(): void;
}

const states = new WeakMap<SimAccount, FlowLogState>();

export function flowLogState(sim: SimAccount): FlowLogState {
  const known = states.get(sim);
  if (known) return known;
  const state: FlowLogState = {
    logGroups: z.array(logGroupSchema).parse(sim.state.logGroups ?? []),
    flowLogs: z.array(flowLogSchema).parse(sim.state.flowLogs ?? []),
    extraRecords: new Map(),
    nextQueryFault: undefined,
    malformedRows: [],
    queries: new Map(),
    persist() {
      sim.state.logGroups = state.logGroups;
      sim.state.flowLogs = state.flowLogs;
    },
  };
  states.set(sim, state);
  return state;
}

/** Test hook: flow records on a NAT gateway's interface beyond those derived from `trafficByService`. */
export function addFlowRecords(sim: SimAccount, natGatewayId: string, records: SimFlowRecord[]): void {
  const extra = flowLogState(sim).extraRecords;
  extra.set(natGatewayId, [...(extra.get(natGatewayId) ?? []), ...records]);
}

/** Test hook: the next Logs Insights query fails, hangs, or is refused. */
export function failNextQuery(sim: SimAccount, fault: QueryFault): void {
  flowLogState(sim).nextQueryFault = fault;
}

/** Test hook: these rows are appended to the results of the next completed query. */
export function addMalformedRows(sim: SimAccount, rows: ResultField[][]): void {
  flowLogState(sim).malformedRows.push(...rows);
}
