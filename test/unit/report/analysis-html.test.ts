import { describe, expect, it } from 'vitest';
import { renderAnalysisHtml } from '../../../lib/report/analysis-html';
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
    expect(count(html, /<tr><td>team-/g)).toBe(40);
  });
});
