// S3/DynamoDB attribution from VPC flow logs on NAT gateway interfaces: the record format, the Logs Insights
// query that aggregates it server-side, and the reading of the query's result rows. Pure.

import type { ServiceTraffic, TrafficByService } from '../metric-series';
import { HOUR_MS } from '../time-units';

/** The custom flow-log format, in this order (fields up to version 5). */
export const FLOW_LOG_FIELDS = [
  'version',
  'interface-id',
  'flow-direction',
  'pkt-srcaddr',
  'pkt-dstaddr',
  'pkt-src-aws-service',
  'pkt-dst-aws-service',
  'bytes',
  'log-status',
] as const;

export const FLOW_LOG_FORMAT = FLOW_LOG_FIELDS.map((field) => `\${${field}}`).join(' ');

/** Services a gateway endpoint can carry, as `pkt-*-aws-service` names them. */
export const ENDPOINT_SERVICES = ['S3', 'DYNAMODB'] as const;
export type EndpointServiceKey = (typeof ENDPOINT_SERVICES)[number];

/** The region's address ranges of each service (the managed prefix lists com.amazonaws.<region>.s3 / .dynamodb). */
export type ServiceCidrs = Record<EndpointServiceKey, readonly string[]>;

/** Logs Insights answers at most this many rows; the aggregate has a few per interface. */
export const QUERY_ROW_LIMIT = 10_000;
const MAX_QUERY_LENGTH = 10_000;
const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const MAX_OCTET = 255;
const MAX_PREFIX = 32;

export const RESULT_FIELDS = {
  interfaceId: 'interfaceId',
  logStatus: 'logStatus',
  srcService: 'pktSrcService',
  dstService: 'pktDstService',
  bytes: 'totalBytes',
  records: 'recordCount',
} as const;

export class FlowLogQueryError extends Error {
  override name = 'FlowLogQueryError';
}

function isIpv4Cidr(cidr: string): boolean {
  const match = IPV4_CIDR.exec(cidr);
  if (!match) return false;
  const [, a, b, c, d, prefix] = match.map(Number);
  return (
    [a, b, c, d].every((octet) => octet !== undefined && octet <= MAX_OCTET) && (prefix ?? 99) <= MAX_PREFIX
  );
}

function inAnyCidr(field: string, cidrs: readonly string[]): string {
  return cidrs.map((cidr) => `isIpv4InSubnet(${field}, "${cidr}")`).join(' or ');
}

/**
 * The query. Each byte that enters the NAT gateway is logged once as an `ingress` record on its interface: the
 * request from the instance (pkt-dstaddr is the service) and the response from the service (pkt-srcaddr is it).
 * S3/DynamoDB records count only when that address lies in the region's prefix list, since a gateway endpoint
 * carries only same-region traffic; records to those services in other regions are left out entirely.
 * Records whose log-status is not OK (NODATA, SKIPDATA) are kept so the reader can report gaps.
 */
export function buildFlowLogQuery(cidrs: ServiceCidrs): string {
  for (const service of ENDPOINT_SERVICES) {
    const bad = cidrs[service].find((cidr) => !isIpv4Cidr(cidr));
    if (bad !== undefined)
      throw new FlowLogQueryError(`${service} prefix-list entry "${bad}" is not an IPv4 CIDR`);
    if (cidrs[service].length === 0)
      throw new FlowLogQueryError(`no ${service} prefix-list entries for the region`);
  }
  const names = FLOW_LOG_FIELDS.map(queryFieldName);
  const services = `[${ENDPOINT_SERVICES.map((s) => `"${s}"`).join(', ')}]`;
  const f = RESULT_FIELDS;
  const sameRegion = ENDPOINT_SERVICES.flatMap((service) => [
    `(${f.dstService} = "${service}" and (${inAnyCidr(queryFieldName('pkt-dstaddr'), cidrs[service])}))`,
    `(${f.srcService} = "${service}" and (${inAnyCidr(queryFieldName('pkt-srcaddr'), cidrs[service])}))`,
  ]);
  const keep = [`(${f.srcService} not in ${services} and ${f.dstService} not in ${services})`, ...sameRegion];
  const query = [
    `parse @message "${names.map(() => '*').join(' ')}" as ${names.join(', ')}`,
    `filter ${f.logStatus} != "OK" or (${queryFieldName('flow-direction')} = "ingress" and (${keep.join(' or ')}))`,
    `stats sum(bytes) as ${f.bytes}, count(*) as ${f.records} by ${f.interfaceId}, ${f.logStatus}, ` +
      `${f.srcService}, ${f.dstService}`,
    `limit ${QUERY_ROW_LIMIT}`,
  ].join('\n| ');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new FlowLogQueryError(`the query is ${query.length} characters, more than Logs Insights accepts`);
  }
  return query;
}

/** `pkt-dst-aws-service` → `pktDstService`; the names the query gives the parsed fields. */
export function queryFieldName(field: (typeof FLOW_LOG_FIELDS)[number]): string {
  const special: Partial<Record<string, string>> = {
    'pkt-src-aws-service': RESULT_FIELDS.srcService,
    'pkt-dst-aws-service': RESULT_FIELDS.dstService,
  };
  return special[field] ?? field.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** One result row as GetQueryResults returns it (structurally the SDK's ResultField[]). */
export type QueryRow = ReadonlyArray<{ field?: string | undefined; value?: string | undefined }>;

export interface ParsedRows {
  /** Bytes per interface id and service, same-region S3/DynamoDB only. */
  byInterface: Map<string, ServiceTraffic>;
  /** Rows that could not be read, described for a warning. */
  malformed: string[];
  /** Records the flow log marked SKIPDATA: traffic happened but was not logged. */
  skippedRecords: number;
}

function serviceOf(src: string | undefined, dst: string | undefined): keyof ServiceTraffic {
  const known = (value: string | undefined) => ENDPOINT_SERVICES.find((service) => service === value);
  return known(dst) ?? known(src) ?? 'OTHER';
}

function readCount(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

export function parseQueryRows(rows: readonly QueryRow[]): ParsedRows {
  const byInterface = new Map<string, ServiceTraffic>();
  const malformed: string[] = [];
  let skippedRecords = 0;
  rows.forEach((row, index) => {
    const get = (name: string) => row.find((cell) => cell.field === name)?.value;
    const interfaceId = get(RESULT_FIELDS.interfaceId);
    const status = get(RESULT_FIELDS.logStatus);
    const records = readCount(get(RESULT_FIELDS.records));
    if (status !== undefined && status !== 'OK') {
      if (status === 'SKIPDATA') skippedRecords += records ?? 0;
      return;
    }
    const bytesText = get(RESULT_FIELDS.bytes);
    const bytes = readCount(bytesText);
    if (!interfaceId?.startsWith('eni-')) {
      malformed.push(`row ${index + 1}: no network interface id (got "${interfaceId ?? ''}")`);
      return;
    }
    if (bytes === undefined) {
      malformed.push(`row ${index + 1}: bytes "${bytesText ?? ''}" is not a count`);
      return;
    }
    const traffic = byInterface.get(interfaceId) ?? { S3: 0, DYNAMODB: 0, OTHER: 0 };
    traffic[serviceOf(get(RESULT_FIELDS.srcService), get(RESULT_FIELDS.dstService))] += bytes;
    byInterface.set(interfaceId, traffic);
  });
  return { byInterface, malformed, skippedRecords };
}

/** A NAT gateway whose interface has a flow log in the format above, delivering to the queried log group. */
export interface FlowLogCoverage {
  natGatewayId: string;
  interfaceId: string;
  /** Every interface of the gateway when it has several (a regional gateway: one per AZ); their bytes add up. */
  interfaceIds?: readonly string[];
  /** When the flow log was created: it has no records from before. */
  loggingSince: Date;
  /** When the gateway was created, if known. */
  gatewaySince?: Date;
}

export interface AttributionWindow {
  start: Date;
  end: Date;
}

/** Less logged time than this says too little about a gateway's traffic to price it. */
export const MIN_COVERED_HOURS = 24;
const MAX_LISTED_PROBLEMS = 3;

/**
 * Per-gateway traffic over the window. A flow log younger than the window measured only part of it: its bytes
 * are scaled to the hours the gateway existed in the window, and a gateway logged for less than a day is left
 * unattributed. A covered gateway without rows carried nothing (zeros); an uncovered one stays unknown (absent).
 */
export function attributeTraffic(
  parsed: ParsedRows,
  coverage: readonly FlowLogCoverage[],
  window: AttributionWindow,
): { traffic: TrafficByService; warnings: string[] } {
  const traffic: TrafficByService = {};
  const warnings: string[] = [];
  for (const covered of coverage) {
    const existedFrom = Math.max(window.start.getTime(), covered.gatewaySince?.getTime() ?? 0);
    const loggedFrom = Math.max(existedFrom, covered.loggingSince.getTime());
    const existedHours = (window.end.getTime() - existedFrom) / HOUR_MS;
    const loggedHours = (window.end.getTime() - loggedFrom) / HOUR_MS;
    if (loggedHours < MIN_COVERED_HOURS) {
      warnings.push(
        `flow log on ${covered.natGatewayId} started ${covered.loggingSince.toISOString()}: less than ` +
          `${MIN_COVERED_HOURS} h of records, no attribution yet`,
      );
      continue;
    }
    const scale = existedHours / loggedHours;
    if (scale > 1) {
      warnings.push(
        `flow log on ${covered.natGatewayId} covers ${Math.round(loggedHours)} of ${Math.round(existedHours)} h: ` +
          'its bytes are scaled to the whole window',
      );
    }
    const bytes = { S3: 0, DYNAMODB: 0, OTHER: 0 };
    for (const id of covered.interfaceIds ?? [covered.interfaceId]) {
      const seen = parsed.byInterface.get(id);
      if (!seen) continue;
      bytes.S3 += seen.S3;
      bytes.DYNAMODB += seen.DYNAMODB;
      bytes.OTHER += seen.OTHER;
    }
    traffic[covered.natGatewayId] = {
      S3: bytes.S3 * scale,
      DYNAMODB: bytes.DYNAMODB * scale,
      OTHER: bytes.OTHER * scale,
    };
  }
  if (parsed.malformed.length > 0) {
    const listed = parsed.malformed.slice(0, MAX_LISTED_PROBLEMS).join('; ');
    warnings.push(`flow-log query: ${parsed.malformed.length} malformed result row(s) ignored (${listed})`);
  }
  if (parsed.skippedRecords > 0) {
    warnings.push(
      `flow logs marked ${parsed.skippedRecords} record(s) SKIPDATA (capacity or internal error): ` +
        'attributed bytes may be low',
    );
  }
  return { traffic, warnings };
}
