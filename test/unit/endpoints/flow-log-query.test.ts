import { describe, expect, it } from 'vitest';
import {
  attributeTraffic,
  buildFlowLogQuery,
  FLOW_LOG_FIELDS,
  FLOW_LOG_FORMAT,
  type FlowLogCoverage,
  FlowLogQueryError,
  parseQueryRows,
  type QueryRow,
} from '../../../lib/domain/endpoints/flow-log-query';

const CIDRS = { S3: ['52.216.0.0/15', '3.5.0.0/19'], DYNAMODB: ['52.94.0.0/22'] };
const ENI = 'eni-0a1b2c3d4e5f60718';
const WINDOW = { start: new Date('2026-11-02T00:00:00Z'), end: new Date('2026-11-16T00:00:00Z') };
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

/** A row as GetQueryResults returns it for `stats … by interfaceId, logStatus, pktSrcService, pktDstService`. */
function row(
  src: string,
  dst: string,
  bytes: string,
  options: { eni?: string; status?: string; records?: string } = {},
): QueryRow {
  return [
    { field: 'interfaceId', value: options.eni ?? ENI },
    { field: 'logStatus', value: options.status ?? 'OK' },
    { field: 'pktSrcService', value: src },
    { field: 'pktDstService', value: dst },
    { field: 'totalBytes', value: bytes },
    { field: 'recordCount', value: options.records ?? '12' },
  ];
}

const covered: FlowLogCoverage = { natGatewayId: 'nat-a', interfaceId: ENI, loggingSince: LONG_AGO };

describe('the flow-log record format', () => {
  it('should hold the fields the attribution reads, in a custom format', () => {
    // Act
    const format = FLOW_LOG_FORMAT;

    // Assess
    expect(format).toBe(
      `\${version} \${interface-id} \${flow-direction} \${pkt-srcaddr} \${pkt-dstaddr} \${pkt-src-aws-service} ` +
        `\${pkt-dst-aws-service} \${bytes} \${log-status}`,
    );
  });
});

describe('buildFlowLogQuery', () => {
  it('should parse one wildcard per field of the record format', () => {
    // Act
    const query = buildFlowLogQuery(CIDRS);

    // Assess
    const parse = query.split('\n')[0] ?? '';
    expect(parse.match(/\*/g)).toHaveLength(FLOW_LOG_FIELDS.length);
    expect(parse).toContain(
      'as version, interfaceId, flowDirection, pktSrcaddr, pktDstaddr, pktSrcService, pktDstService, bytes, logStatus',
    );
  });

  it('should count only the records of bytes entering the gateway', () => {
    // Act
    const query = buildFlowLogQuery(CIDRS);

    // Assess
    expect(query).toContain('flowDirection = "ingress"');
  });

  it('should count S3 only where the address is in the region S3 ranges, either direction', () => {
    // Act
    const query = buildFlowLogQuery(CIDRS);

    // Assess
    expect(query).toContain(
      '(pktDstService = "S3" and (isIpv4InSubnet(pktDstaddr, "52.216.0.0/15") or isIpv4InSubnet(pktDstaddr, "3.5.0.0/19")))',
    );
    expect(query).toContain('(pktSrcService = "DYNAMODB" and (isIpv4InSubnet(pktSrcaddr, "52.94.0.0/22")))');
  });

  it('should aggregate on the server by interface and service, within the row limit', () => {
    // Act
    const query = buildFlowLogQuery(CIDRS);

    // Assess
    expect(query).toContain(
      '| stats sum(bytes) as totalBytes, count(*) as recordCount by interfaceId, logStatus, pktSrcService, pktDstService',
    );
    expect(query).toMatch(/\| limit 10000$/);
  });

  it('should refuse a prefix-list entry that is not an IPv4 CIDR', () => {
    // Act
    const build = () => buildFlowLogQuery({ ...CIDRS, S3: ['2600:1f18::/33'] });

    // Assess
    expect(build).toThrow(new FlowLogQueryError('S3 prefix-list entry "2600:1f18::/33" is not an IPv4 CIDR'));
  });

  it('should refuse to build a query longer than Logs Insights accepts', () => {
    // Prepare
    const many = Array.from({ length: 200 }, (_, i) => `10.${i}.0.0/16`);

    // Act
    const build = () => buildFlowLogQuery({ S3: many, DYNAMODB: ['52.94.0.0/22'] });

    // Assess
    expect(build).toThrow(/more than Logs Insights accepts/);
  });
});

describe('parseQueryRows', () => {
  it('should add up requests to and responses from S3 per interface', () => {
    // Prepare
    const rows = [row('-', 'S3', '1000'), row('S3', '-', '9000'), row('-', '-', '500')];

    // Act
    const parsed = parseQueryRows(rows);

    // Assess
    expect(parsed.byInterface.get(ENI)).toEqual({ S3: 10_000, DYNAMODB: 0, OTHER: 500 });
    expect(parsed.malformed).toEqual([]);
  });

  it('should read byte sums Logs Insights prints in exponent notation', () => {
    // Act
    const parsed = parseQueryRows([row('DYNAMODB', '-', '7.549649183403e12')]);

    // Assess
    expect(parsed.byInterface.get(ENI)?.DYNAMODB).toBe(7_549_649_183_403);
  });

  it('should report a row whose bytes are not a count and keep the others', () => {
    // Act
    const parsed = parseQueryRows([row('-', 'S3', 'lots'), row('-', 'S3', '42')]);

    // Assess
    expect(parsed.malformed).toEqual(['row 1: bytes "lots" is not a count']);
    expect(parsed.byInterface.get(ENI)?.S3).toBe(42);
  });

  it('should report a row without a network interface id', () => {
    // Act
    const parsed = parseQueryRows([[{ field: 'totalBytes', value: '42' }]]);

    // Assess
    expect(parsed.malformed).toEqual(['row 1: no network interface id (got "")']);
    expect(parsed.byInterface.size).toBe(0);
  });

  it('should count SKIPDATA records and pass over NODATA ones', () => {
    // Prepare
    const rows = [
      row('-', '-', '0', { status: 'SKIPDATA', records: '3' }),
      row('-', '-', '0', { status: 'NODATA' }),
    ];

    // Act
    const parsed = parseQueryRows(rows);

    // Assess
    expect(parsed.skippedRecords).toBe(3);
    expect(parsed.byInterface.size).toBe(0);
    expect(parsed.malformed).toEqual([]);
  });
});

describe('attributeTraffic', () => {
  it('should give a logged gateway its bytes over the window', () => {
    // Act
    const { traffic, warnings } = attributeTraffic(
      parseQueryRows([row('-', 'S3', '1000')]),
      [covered],
      WINDOW,
    );

    // Assess
    expect(traffic).toEqual({ 'nat-a': { S3: 1000, DYNAMODB: 0, OTHER: 0 } });
    expect(warnings).toEqual([]);
  });

  it('should count a logged gateway without rows as carrying nothing', () => {
    // Act
    const { traffic } = attributeTraffic(parseQueryRows([]), [covered], WINDOW);

    // Assess
    expect(traffic['nat-a']).toEqual({ S3: 0, DYNAMODB: 0, OTHER: 0 });
  });

  it('should leave a gateway without a flow log unattributed', () => {
    // Act
    const { traffic } = attributeTraffic(
      parseQueryRows([row('-', 'S3', '1000', { eni: 'eni-other' })]),
      [covered],
      WINDOW,
    );

    // Assess
    expect(Object.keys(traffic)).toEqual(['nat-a']);
  });

  it('should scale the bytes of a flow log that covers only the last week to the whole window', () => {
    // Prepare
    const lastWeek = { ...covered, loggingSince: new Date('2026-11-09T00:00:00Z') };

    // Act
    const { traffic, warnings } = attributeTraffic(
      parseQueryRows([row('-', 'S3', '1000')]),
      [lastWeek],
      WINDOW,
    );

    // Assess
    expect(traffic['nat-a']?.S3).toBe(2000);
    expect(warnings).toEqual([
      'flow log on nat-a covers 168 of 336 h: its bytes are scaled to the whole window',
    ]);
  });

  it('should not scale for hours before the gateway existed', () => {
    // Prepare
    const young = {
      ...covered,
      loggingSince: new Date('2026-11-09T00:00:00Z'),
      gatewaySince: new Date('2026-11-09T00:00:00Z'),
    };

    // Act
    const { traffic, warnings } = attributeTraffic(parseQueryRows([row('-', 'S3', '1000')]), [young], WINDOW);

    // Assess
    expect(traffic['nat-a']?.S3).toBe(1000);
    expect(warnings).toEqual([]);
  });

  it('should not attribute a gateway logged for less than a day', () => {
    // Prepare
    const fresh = { ...covered, loggingSince: new Date('2026-11-15T12:00:00Z') };

    // Act
    const { traffic, warnings } = attributeTraffic(parseQueryRows([row('-', 'S3', '1000')]), [fresh], WINDOW);

    // Assess
    expect(traffic).toEqual({});
    expect(warnings[0]).toContain('less than 24 h of records, no attribution yet');
  });

  it('should warn about malformed rows and SKIPDATA records', () => {
    // Prepare
    const rows = [row('-', 'S3', 'x'), row('-', '-', '0', { status: 'SKIPDATA', records: '5' })];

    // Act
    const { warnings } = attributeTraffic(parseQueryRows(rows), [covered], WINDOW);

    // Assess
    expect(warnings).toEqual([
      'flow-log query: 1 malformed result row(s) ignored (row 1: bytes "x" is not a count)',
      'flow logs marked 5 record(s) SKIPDATA (capacity or internal error): attributed bytes may be low',
    ]);
  });
});
