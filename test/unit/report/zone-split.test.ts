import { describe, expect, it } from 'vitest';
import type { GatewayAnalysis } from '../../../lib/domain/analysis/analysis-result';
import { renderAnalysisEmail } from '../../../lib/report/analysis-email';
import { renderAnalysisHtml } from '../../../lib/report/analysis-html';
import { renderAnalysisMarkdown } from '../../../lib/report/analysis-markdown';
import { renderAnalysisTable } from '../../../lib/report/analysis-table';
import { analysisResult, DEV, gatewayAnalysis, hourlySeries } from './report-fixture';

const GIB = 2 ** 30;

function regional(): GatewayAnalysis {
  const base = gatewayAnalysis({
    natGatewayId: 'nat-0a10000000000001a',
    name: 'prod-regional',
    availabilityZone: '',
    hourlyProcessedBytes: hourlySeries(() => 3),
    findings: [],
  });
  const zone = (availabilityZone: string, gib: number) => ({
    availabilityZone,
    processedBytes: gib * GIB,
    cost: { hourly: 15.12, dataProcessing: gib * 0.045, total: 15.12 + gib * 0.045 },
  });
  return {
    ...base,
    subnetId: '',
    availabilityMode: 'regional',
    regionalMode: 'manual',
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    billedZoneHours: 1008,
    perAvailabilityZone: [zone('us-east-1a', 500), zone('us-east-1b', 300), zone('us-east-1c', 200)],
  };
}

describe('the per-AZ split of regional gateways in the reports', () => {
  it('should label a regional gateway by its AZ count and show each AZ in the terminal report', () => {
    const text = renderAnalysisTable(analysisResult([regional(), DEV]));

    expect(text).toMatch(/prod-regional\s+regional \(3 AZs\)/);
    expect(text).toContain(
      'prod-regional (nat-0a10000000000001a), manual mode: 336 h × 3 AZs = 1008 AZ-hours',
    );
    expect(text).toMatch(/us-east-1b\s+300\.00\s+\$15\.12\s+\$13\.50\s+\$28\.62/);
  });

  it('should add nothing for an account without regional gateways', () => {
    expect(renderAnalysisTable(analysisResult([DEV]))).not.toContain('cost per AZ');
    expect(renderAnalysisMarkdown(analysisResult([DEV]))).not.toContain('cost per AZ');
  });

  it('should carry the split into Markdown, HTML and the email', () => {
    const result = analysisResult([regional()]);

    expect(renderAnalysisMarkdown(result)).toContain('| us-east-1c | 200.00 | $15.12 | $9.00 | $24.12 |');
    expect(renderAnalysisHtml(result)).toContain('<td>us-east-1a</td><td class="num">500.00</td>');
    expect(renderAnalysisEmail(result).body).toContain(
      'us-east-1a: 500.00 GiB, $15.12 hourly + $22.50 data = $37.62',
    );
  });
});
