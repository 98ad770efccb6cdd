// The flow-log records of the simulated account, as the log lines a flow log writes into its group. They are
// derived from the snapshot's `trafficByService` (what flow logs on the NAT gateways attributed over the metric
// window): spread evenly over that window, logged only while a flow log existed, each byte seen as AWS logs it
// on a NAT interface (ingress once when entering the gateway, egress once when leaving it).
import { HOUR_MS, MS_PER_SECOND } from '../domain/time-units';
import { derivedId } from './ec2/ids';
import { isRegionalEntry, zoneInterfaceId } from './ec2/nat-regional';
import { type FlowLogState, flowLogState, type SimFlowLog, type SimFlowRecord } from './flow-log-state';
import { prefixListCidrsOf } from './prefix-list-cidrs';
import type { SimAccount } from './sim-account';
import { totalSeries, zoneSeries } from './snapshot-metrics';
import type { SnapshotNatGateway } from './snapshot-schema';

const INTERNET_HOST = '198.51.100.80';
const TYPICAL_PACKET_BYTES = 1400;
const EVEN_SPLIT = 0.5;
const SERVICE_HOST_OFFSET = 10;
/** Simulated private addresses of a regional gateway's interfaces, one per AZ, from the VPC's range. */
const REGIONAL_HOST_OFFSET = 250;

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
  const series = totalSeries(sim, natGatewayId);
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
  gatewayIp: string,
  remote: string,
  service: string | undefined,
  bytes: number,
  requestShare: number,
) {
  const instance = gatewayIp.replace(/\.\d+$/, '.200');
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
      srcAddr: gatewayIp,
      dstAddr: remote,
      ...(service ? { dstService: service } : {}),
      bytes: requests,
    },
    {
      direction: 'ingress',
      srcAddr: remote,
      dstAddr: gatewayIp,
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

/**
 * Where a flow log sees a gateway's traffic: a zonal gateway's one interface, or one interface per AZ of a regional
 * gateway (its flow log is on the gateway, resource type RegionalNatGateway), each with its AZ's share of the bytes.
 */
interface FlowSource {
  gateway: SnapshotNatGateway;
  interfaceId: string;
  privateIp: string;
  share: number;
}

function sourcesOf(sim: SimAccount, flowLog: SimFlowLog): FlowSource[] {
  const gateway = sim.state.natGateways.find((g) =>
    flowLog.resourceType === 'RegionalNatGateway'
      ? g.natGatewayId === flowLog.resourceId
      : derivedId('eni', g.natGatewayId) === flowLog.resourceId,
  );
  if (!gateway) return [];
  if (!isRegionalEntry(gateway)) {
    const privateIp = gateway.privateIp ?? '0.0.0.0';
    return [{ gateway, interfaceId: flowLog.resourceId, privateIp, share: 1 }];
  }
  const zones = (gateway.availabilityZoneAddresses ?? []).map((z) => z.availabilityZone);
  const processed = (zone: string) => {
    const series = zoneSeries(sim, gateway.natGatewayId, zone);
    return seriesSum(series.BytesInFromSource) + seriesSum(series.BytesInFromDestination);
  };
  const total = zones.reduce((sum, zone) => sum + processed(zone), 0);
  const vpcCidr = sim.state.vpcs.find((v) => v.vpcId === gateway.vpcId)?.cidrBlock ?? '10.0.0.0/16';
  return zones.map((zone, index) => ({
    gateway,
    interfaceId: zoneInterfaceId(gateway.natGatewayId, zone),
    privateIp: hostIn(vpcCidr, REGIONAL_HOST_OFFSET + index),
    share: total > 0 ? processed(zone) / total : 1 / zones.length,
  }));
}

function derivedRecords(sim: SimAccount, source: FlowSource, flowLog: SimFlowLog, from: number, to: number) {
  const { gateway, privateIp } = source;
  const traffic = sim.state.trafficByService?.[gateway.natGatewayId];
  const window = metricWindow(sim, gateway.natGatewayId);
  const start = Math.max(from, window.start, Date.parse(flowLog.creationTime));
  const end = Math.min(to, window.end);
  if (!traffic || end <= start) return [];
  const share = ((end - start) / (window.end - window.start)) * source.share;
  return [
    ...serviceRecords(privateIp, serviceHost(sim, 's3'), 'S3', traffic.S3 * share, window.requestShare),
    ...serviceRecords(
      privateIp,
      serviceHost(sim, 'dynamodb'),
      'DYNAMODB',
      traffic.DYNAMODB * share,
      window.requestShare,
    ),
    ...serviceRecords(privateIp, INTERNET_HOST, undefined, traffic.OTHER * share, window.requestShare),
  ];
}

function renderLine(
  sim: SimAccount,
  flowLog: SimFlowLog,
  source: FlowSource,
  record: SimFlowRecord,
  from: number,
  to: number,
): string {
  const status = record.logStatus ?? 'OK';
  const always: Record<string, string> = {
    version: '5',
    'account-id': sim.state.accountId,
    'interface-id': source.interfaceId,
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
    'vpc-id': source.gateway.vpcId,
    'subnet-id': source.gateway.subnetId ?? '-',
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
  return state.flowLogs
    .filter(
      (flowLog) =>
        flowLog.logGroupName === logGroupName &&
        (flowLog.resourceType === 'NetworkInterface' || flowLog.resourceType === 'RegionalNatGateway'),
    )
    .flatMap((flowLog) =>
      sourcesOf(sim, flowLog).flatMap((source, index) => {
        // Records a test added go to the gateway's first interface.
        const extra = index === 0 ? (state.extraRecords.get(source.gateway.natGatewayId) ?? []) : [];
        const records = [...derivedRecords(sim, source, flowLog, from, to), ...extra];
        return records.map((record) => renderLine(sim, flowLog, source, record, from, to));
      }),
    );
}

/** Interfaces of live zonal gateways (a regional gateway's flow log is on the gateway itself). */
export function natInterfaceIds(sim: SimAccount): Map<string, SnapshotNatGateway> {
  return new Map(
    liveGateways(sim)
      .filter((gateway) => !isRegionalEntry(gateway))
      .map((gateway) => [derivedId('eni', gateway.natGatewayId), gateway]),
  );
}

/** Live regional gateways by id: what a RegionalNatGateway flow log can be created on. */
export function regionalGatewayIds(sim: SimAccount): Set<string> {
  return new Set(
    liveGateways(sim)
      .filter(isRegionalEntry)
      .map((gateway) => gateway.natGatewayId),
  );
}

function liveGateways(sim: SimAccount): SnapshotNatGateway[] {
  return sim.state.natGateways.filter((gateway) => gateway.state !== 'deleted' && gateway.state !== 'failed');
}
