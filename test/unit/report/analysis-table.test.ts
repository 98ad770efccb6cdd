import { describe, expect, it } from 'vitest';
import { renderAnalysisTable } from '../../../lib/report/analysis-table';
import { analysisResult, DEV, gatewayAnalysis, IDLE, PROD, typicalResult } from './report-fixture';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escape sequences.
const ANSI = /\u001b\[/;

describe('renderAnalysisTable', () => {
  it('should list every gateway id', () => {
    // Act
    const text = renderAnalysisTable(typicalResult());

    // Assess
    for (const id of [PROD.natGatewayId, DEV.natGatewayId, IDLE.natGatewayId]) expect(text).toContain(id);
  });

  it('should show the costs of a gateway to the cent', () => {
    // Act
    const text = renderAnalysisTable(typicalResult());

    // Assess
    const prodRow = text.split('\n').find((line) => line.startsWith('prod-nat-a '));
    expect(prodRow).toMatch(/6,048\.00\s+\$287\.28\s+\$624\.15\s+GATEWAY_ENDPOINT_S3/);
  });

  it('should end the table with the totals of the run', () => {
    // Act
    const text = renderAnalysisTable(typicalResult());

    // Assess
    expect(text).toMatch(/Total \(3\)\s+6,156\.86\s+\$322\.42\s+\$700\.50\s+5 findings/);
  });

  it('should head the report with region, window, prices and their source', () => {
    // Act
    const header = renderAnalysisTable(typicalResult()).split('\n').slice(0, 5).join('\n');

    // Assess
    expect(header).toContain('us-east-1');
    expect(header).toContain('2026-11-02 00:00 UTC to 2026-11-16 00:00 UTC (14 days)');
    expect(header).toContain('$0.045/h, data processing $0.045/GB (built-in price table)');
    expect(header).toContain('$325.40/month could be saved');
  });

  it('should group findings per gateway, largest saving first, with severity and saving', () => {
    // Act
    const text = renderAnalysisTable(typicalResult());

    // Assess
    const findings = text.slice(text.indexOf('Findings, largest saving first'));
    const order = [PROD, IDLE, DEV].map((g) => findings.indexOf(`${g.name}  ${g.natGatewayId}`));
    expect(order.every((position, i) => position > (order[i - 1] ?? 0))).toBe(true);
    expect(findings).toMatch(/HIGH\s+GATEWAY_ENDPOINT_S3\s+save \$271\.44\/month/);
    expect(findings).toContain('Tag it: nat-optimizer:schedule=Mon-Fri@06:00-18:00');
  });

  it('should fit 100 columns even with a long gateway name', () => {
    // Prepare
    const longName = gatewayAnalysis({
      ...IDLE,
      name: 'platform-shared-services-egress-nat-gateway-primary-zone',
    });
    const result = analysisResult([PROD, longName]);

    // Act
    const text = renderAnalysisTable(result, { width: 100 });

    // Assess
    const widest = Math.max(...text.split('\n').map((line) => line.length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it('should write no escape codes unless colour is asked for', () => {
    // Act
    const plain = renderAnalysisTable(typicalResult());
    const colored = renderAnalysisTable(typicalResult(), { color: true });

    // Assess
    expect(plain).not.toMatch(ANSI);
    expect(colored).toMatch(ANSI);
  });

  it('should say so when the region has no gateway', () => {
    // Act
    const text = renderAnalysisTable(analysisResult([]));

    // Assess
    expect(text).toContain('No NAT gateways in us-east-1 during the window.');
  });
});
