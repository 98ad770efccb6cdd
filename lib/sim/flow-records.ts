// The flow-log records of the simulated account, as the log lines a flow log writes into its group. They are
// derived from the snapshot's `trafficByService` (what flow logs on the NAT gateways attributed over the metric
// window): spread evenly over that window, logged only while a flow log existed, each byte seen as AWS logs it
// on a NAT interface (ingress once when entering the gateway, egress once when leaving it).
import { HOUR_MS, MS_PER_SECOND } from '../domain/time-units';
import { derivedId } from './ec2/ids';
import { type FlowLogState, flowLogState, type SimFlowLog, type SimFlowRecord } from './flow-log-state';
import { prefixListCidrsOf } from './prefix-list-cidrs';
import type { SimAccount } from './sim-account';
import type { SnapshotNatGateway } from './snapshot-schema';

const INTERNET_HOST = '198.51.100.80';
const TYPICAL_PACKET_BYTES = 1400;
const EVEN_SPLIT = 0.5;
const SERVICE_HOST_OFFSET = 10;

/** The fields of a flow log created without LogFormat (AWS's default format, version 2). */
export const DEFAULT_FLOW_LOG_FIELDS = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
];
export const DEFAULT_FLOW_LOG_FORMAT = DEFAULT_FLOW_LOG_FIELDS.map((field) => `\${${field}}`).join(' ');

function hostIn(cidr: string, offset: number): string {
  const [address = '0.0.0.0'] = cidr.split('/');
  const octets = address.split('.').map(Number);
  octets[3] = (octets[3] ?? 0) + offset;
  return octets.join('.');
}

function serviceHost(sim: SimAccount, service: 's3' | 'dynamodb'): string {
  const [first = '198.18.0.0/24'] = prefixListCidrsOf(sim, `com.amazonaws.${sim.state.region}.${service}`);
  return hostIn(first, SERVICE_HOST_OFFSET);
}

function seriesSum(values: readonly number[] | undefined): number {
  return (values ?? []).reduce((sum, v) => sum + v, 0);
}

/** The gateway's metric window [start, end) and the share of incoming bytes that came from its own VPC side. */
function metricWindow(
  sim: SimAccount,
  natGatewayId: string,
): { start: number; end: number; requestShare: number } {
  const series = sim.state.metrics.natGateways[natGatewayId] ?? {};
  const hours = Math.max(0, ...Object.values(series).map((values) => values.length));
  const start = Date.parse(sim.state.metrics.start);
  const fromSource = seriesSum(series.BytesInFromSource);
  const processed = fromSource + seriesSum(series.BytesInFromDestination);
  return {
    start,
    end: start + hours * HOUR_MS,
    requestShare: processed > 0 ? fromSource / processed : EVEN_SPLIT,
  };
}

/** One service's bytes, as the four records of the flows through the gateway. */
function serviceRecords(
  gateway: SnapshotNatGateway,
  remote: string,
  service: string | undefined,
  bytes: number,
  requestShare: number,
) {
  const instance = gateway.privateIp.replace(/\.\d+$/, '.200');
  const requests = Math.round(bytes * requestShare);
  const responses = Math.round(bytes) - requests;
  const records: SimFlowRecord[] = [
    {
      direction: 'ingress',
      srcAddr: instance,
      dstAddr: remote,
      ...(service ? { dstService: service } : {}),
      bytes: requests,
    },
    {
      direction: 'egress',
      srcAddr: gateway.privateIp,
      dstAddr: remote,
      ...(service ? { dstService: service } : {}),
      bytes: requests,
    },
    {
      direction: 'ingress',
      srcAddr: remote,
      dstAddr: gateway.privateIp,
      ...(service ? { srcService: service } : {}),
      bytes: responses,
    },
    {
      direction: 'egress',
      srcAddr: remote,
      dstAddr: instance,
      ...(service ? { srcService: service } : {}),
      bytes: responses,
    },
  ];
  return records.filter((record) => record.bytes > 0);
}

function derivedRecords(
  sim: SimAccount,
  gateway: SnapshotNatGateway,
  flowLog: SimFlowLog,
  from: number,
  to: number,
) {
  const traffic = sim.state.trafficByService?.[gateway.natGatewayId];
  const window = metricWindow(sim, gateway.natGatewayId);
  const start = Math.max(from, window.start, Date.parse(flowLog.creationTime));
  const end = Math.min(to, window.end);
  if (!traffic || end <= start) return [];
  const share = (end - start) / (window.end - window.start);
  return [
    ...serviceRecords(gateway, serviceHost(sim, 's3'), 'S3', traffic.S3 * share, window.requestShare),
    ...serviceRecords(
      gateway,
      serviceHost(sim, 'dynamodb'),
      'DYNAMODB',
      traffic.DYNAMODB * share,
      window.requestShare,
    ),
    ...serviceRecords(gateway, INTERNET_HOST, undefined, traffic.OTHER * share, window.requestShare),
  ];
}

function renderLine(
  sim: SimAccount,
  flowLog: SimFlowLog,
  gateway: SnapshotNatGateway,
  record: SimFlowRecord,
  from: number,
  to: number,
): string {
  const status = record.logStatus ?? 'OK';
  const always: Record<string, string> = {
    version: '5',
    'account-id': sim.state.accountId,
    'interface-id': flowLog.resourceId,
    start: String(Math.floor(from / MS_PER_SECOND)),
    end: String(Math.floor(to / MS_PER_SECOND)),
    'log-status': status,
  };
  const traffic: Record<string, string> = {
    srcaddr: record.srcAddr,
    dstaddr: record.dstAddr,
    'pkt-srcaddr': record.srcAddr,
    'pkt-dstaddr': record.dstAddr,
    srcport: record.direction === 'ingress' ? '443' : '51234',
    dstport: record.direction === 'ingress' ? '51234' : '443',
    protocol: '6',
    packets: String(Math.ceil(record.bytes / TYPICAL_PACKET_BYTES)),
    bytes: String(record.bytes),
    action: 'ACCEPT',
    'vpc-id': gateway.vpcId,
    'subnet-id': gateway.subnetId,
    type: 'IPv4',
    region: sim.state.region,
    'flow-direction': record.direction,
    'pkt-src-aws-service': record.srcService ?? '-',
    'pkt-dst-aws-service': record.dstService ?? '-',
  };
  const values = status === 'OK' ? { ...always, ...traffic } : always;
  return flowLog.logFormat.replace(/\$\{([a-z0-9-]+)\}/g, (_, field: string) => values[field] ?? '-');
}

/** Every line the flow logs delivering to the group wrote between `from` and `to` (epoch ms). */
export function logLines(sim: SimAccount, logGroupName: string, from: number, to: number): string[] {
  const state: FlowLogState = flowLogState(sim);
  const gateways = new Map(sim.state.natGateways.map((g) => [derivedId('eni', g.natGatewayId), g]));
  return state.flowLogs
    .filter((flowLog) => flowLog.logGroupName === logGroupName && flowLog.resourceType === 'NetworkInterface')
    .flatMap((flowLog) => {
      const gateway = gateways.get(flowLog.resourceId);
      if (!gateway) return [];
      const records = [
        ...derivedRecords(sim, gateway, flowLog, from, to),
        ...(state.extraRecords.get(gateway.natGatewayId) ?? []),
      ];
      return records.map((record) => renderLine(sim, flowLog, gateway, record, from, to));
    });
}

export function natInterfaceIds(sim: SimAccount): Map<string, SnapshotNatGateway> {
  return new Map(
    sim.state.natGateways
      .filter((gateway) => gateway.state !== 'deleted' && gateway.state !== 'failed')
      .map((gateway) => [derivedId('eni', gateway.natGatewayId), gateway]),
  );
}
