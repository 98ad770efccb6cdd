import { describe, expect, it } from 'vitest';
import { changesSinceLastReport } from '../../../lib/domain/analysis/report-changes';
import { DEFAULT_FULL_GATEWAYS, renderAnalysisHtml } from '../../../lib/report/analysis-html';
import { MAX_TRAFFIC_PANELS } from '../../../lib/report/html-traffic-chart';
import {
  analysisResult,
  gatewayAnalysis,
  IDLE,
  manyGatewaysResult,
  PROD,
  typicalResult,
} from './report-fixture';

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

function trafficChart(html: string): string {
  return html.slice(html.indexOf('<section id="traffic">'), html.indexOf('<section id="gateways">'));
}

describe('renderAnalysisHtml', () => {
  it('should be one self-contained file with no external reference', () => {
    // Act
    const html = renderAnalysisHtml(typicalResult());

    // Assess
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain('<style>');
  });

  it('should put the saving and the totals at the top', () => {
    // Act
    const html = renderAnalysisHtml(typicalResult());

    // Assess
    const top = html.slice(0, html.indexOf('<section id="savings">'));
    expect(top).toContain('$325.40<small>/month</small>');
    expect(top).toContain('$700.50<small>/month</small>');
    expect(top).toContain('$322.42');
    expect(top).toContain('built-in price table');
  });

  it('should draw one traffic line per gateway', () => {
    // Act
    const chart = trafficChart(renderAnalysisHtml(typicalResult()));

    // Assess
    expect(count(chart, /<svg/g)).toBe(3);
    expect(count(chart, /<polyline class="traffic-line"/g)).toBe(3);
    for (const gateway of typicalResult().natGateways) {
      expect(chart).toContain(`data-gateway="${gateway.natGatewayId}"`);
    }
  });

  it('should label the traffic axes in GiB per hour and UTC days', () => {
    // Act
    const chart = trafficChart(renderAnalysisHtml(typicalResult()));

    // Assess
    expect(chart).toContain('>GiB/h</text>');
    expect(chart).toContain('>Mon 2 Nov</text>');
    expect(chart).toContain('>30</text>');
  });

  it('should draw the cost bars and the savings stacked by finding code', () => {
    // Act
    const html = renderAnalysisHtml(typicalResult());

    // Assess
    expect(count(html, /<rect class="bar-month"/g)).toBe(3);
    expect(html).toContain('<title>GATEWAY_ENDPOINT_S3: $271.44/month</title>');
    expect(html).toContain('<title>IDLE: $32.85/month</title>');
  });

  it('should escape a gateway name taken from a tag everywhere it appears', () => {
    // Prepare
    const hostile = gatewayAnalysis({ ...IDLE, name: '<script>alert(1)</script>' });
    const result = analysisResult([PROD, hostile]);

    // Act
    const html = renderAnalysisHtml(result, { title: 'Report "<b>"' });

    // Assess
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(count(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)).toBeGreaterThanOrEqual(4);
    expect(html).toContain('<title>Report &quot;&lt;b&gt;&quot;</title>');
  });

  it('should append extra sections with an escaped title and the given markup', () => {
    // Act
    const html = renderAnalysisHtml(typicalResult(), {
      extraSections: [{ title: 'Schedule <run>', html: '<p class="x">parked 2</p>' }],
    });

    // Assess
    expect(html).toContain(
      '<section id="extra-1"><h2>Schedule &lt;run&gt;</h2><p class="x">parked 2</p></section>',
    );
  });

  it('should chart only the busiest gateways of a large account and say how many are left out', () => {
    // Prepare
    const result = manyGatewaysResult(40);

    // Act
    const html = renderAnalysisHtml(result);

    // Assess
    expect(count(trafficChart(html), /<polyline class="traffic-line"/g)).toBe(MAX_TRAFFIC_PANELS);
    expect(html).toContain(`The ${40 - MAX_TRAFFIC_PANELS} gateways with the least traffic are not charted`);
    expect(count(html, /<tr><td data-label="Name">team-/g)).toBe(40);
  });

  it('should show the 10 gateways with the largest savings in full and the rest as one row each', () => {
    // Prepare
    const result = manyGatewaysResult(40);

    // Act
    const html = renderAnalysisHtml(result);

    // Assess
    const full = html.slice(html.indexOf('<section id="findings">'), html.indexOf('<section id="rest">'));
    const rest = html.slice(html.indexOf('<section id="rest">'), html.indexOf('<section id="actions">'));
    expect(count(full, /<article class="gateway-findings">/g)).toBe(DEFAULT_FULL_GATEWAYS);
    expect(full.indexOf('team-39-nat')).toBeLessThan(full.indexOf('team-38-nat'));
    expect(count(rest, /<tr><td data-label="Gateway">/g)).toBe(30);
    expect(rest).toContain('30 more gateways:');
  });

  it('should show the command or tag that applies each finding under it', () => {
    // Act
    const html = renderAnalysisHtml(typicalResult());

    // Assess
    const full = html.slice(html.indexOf('<section id="findings">'), html.indexOf('<section id="actions">'));
    expect(full).toContain(
      `nat-optimizer endpoints --region us-east-1 --vpc ${PROD.vpcId} --service s3 --apply`,
    );
    expect(full).toContain(
      `aws ec2 delete-nat-gateway --region us-east-1 --nat-gateway-id ${IDLE.natGatewayId}`,
    );
    expect(full).toContain(
      '<code>nat-optimizer:schedule=Mon-Fri@06:00-18:00, nat-optimizer:timezone=Europe/Berlin</code>',
    );
  });

  it('should print a caveat many findings share once, and refer to it from each', () => {
    // Prepare
    const caveat = { id: 's3-endpoint-source-ip', text: 'Bucket policies with aws:SourceIp stop matching.' };
    const result = manyGatewaysResult(5);
    for (const gateway of result.natGateways) for (const f of gateway.findings) f.caveats = [caveat];

    // Act
    const html = renderAnalysisHtml(result);

    // Assess
    expect(count(html, /aws:SourceIp stop matching/g)).toBe(1);
    expect(count(html, /\(see note 1\)/g)).toBe(5);
    expect(html).toContain('<section id="notes">');
  });

  it('should say what is new since the last report', () => {
    // Prepare
    const result = typicalResult();
    result.sinceLastReport = changesSinceLastReport(
      result,
      new Map([
        [
          PROD.natGatewayId,
          {
            analyzedAt: '2026-11-15T02:00:00Z',
            monthlyCost: 300,
            monthlySavings: 0,
            findings: ['PORT_ALLOCATION_ERRORS'],
          },
        ],
        [
          IDLE.natGatewayId,
          {
            analyzedAt: '2026-11-15T02:00:00Z',
            monthlyCost: IDLE.projectedMonthlyCost,
            monthlySavings: 32.85,
            findings: ['IDLE', 'UNROUTED', 'CROSS_AZ'],
          },
        ],
      ]),
    );

    // Act
    const html = renderAnalysisHtml(result);

    // Assess
    const changes = html.slice(
      html.indexOf('<section id="changes">'),
      html.indexOf('<section id="findings">'),
    );
    expect(changes).toContain('Compared with the report of 2026-11-15 02:00 UTC (2 gateways in both)');
    expect(changes).toContain(
      'New gateways</strong></p><ul class="plain"><li>dev-nat-a (nat-7180befc6423033bd)',
    );
    expect(changes).toContain('prod-nat-a (nat-c96c07fb2aecb9170): GATEWAY_ENDPOINT_S3');
    expect(changes).toContain('forgotten-nat (nat-52cf005357c9389f4): CROSS_AZ');
    expect(changes).toContain('$300.00 → ');
  });

  it('should say on a first report that the next one lists the changes', () => {
    // Act
    const html = renderAnalysisHtml(typicalResult());

    // Assess
    expect(html).toContain('This is the first report for these gateways');
  });
});
