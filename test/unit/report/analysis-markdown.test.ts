import { describe, expect, it } from 'vitest';
import { renderAnalysisMarkdown } from '../../../lib/report/analysis-markdown';
import { analysisResult, DEV, gatewayAnalysis, IDLE, PROD, typicalResult } from './report-fixture';

describe('renderAnalysisMarkdown', () => {
  it('should open with the saving and the totals', () => {
    // Act
    const markdown = renderAnalysisMarkdown(typicalResult());

    // Assess
    expect(markdown).toContain('**$325.40/month could be saved** (5 findings: 2 high, 2 medium, 1 low).');
    expect(markdown).toContain('- **Projected cost:** $700.50/month for 3 NAT gateways');
  });

  it('should give each gateway a table row with its costs', () => {
    // Act
    const markdown = renderAnalysisMarkdown(typicalResult());

    // Assess
    expect(markdown).toContain(
      '| prod-nat-a | `nat-c96c07fb2aecb9170` | us-east-1a | available | 6,048.00 | $287.28 | $624.15 | $271.44 | `GATEWAY_ENDPOINT_S3` `PORT_ALLOCATION_ERRORS` |',
    );
    expect(markdown).toContain(
      '| **Total (3)** |  |  |  | **6,156.86** | **$322.42** | **$700.50** | **$325.40** | **5 findings** |',
    );
  });

  it('should keep every table row at the same number of columns', () => {
    // Act
    const rows = renderAnalysisMarkdown(typicalResult())
      .split('\n')
      .filter((line) => line.startsWith('| '));

    // Assess
    const columns = rows.map((row) => row.replace(/\\\|/g, '').split('|').length);
    expect(new Set(columns).size).toBe(1);
  });

  it('should escape a gateway name that holds Markdown and HTML', () => {
    // Prepare
    const hostile = gatewayAnalysis({ ...PROD, name: 'a|b <script>alert(1)</script> *x*' });

    // Act
    const markdown = renderAnalysisMarkdown(analysisResult([hostile]));

    // Assess
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('| a\\|b &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* |');
  });

  it('should list findings under a heading per gateway with the proposed tags', () => {
    // Act
    const markdown = renderAnalysisMarkdown(typicalResult());

    // Assess
    expect(markdown).toContain(
      `### forgotten-nat (\`${IDLE.natGatewayId}\`, us-east-1c): up to $32.85/month`,
    );
    expect(markdown).toContain(
      '  Tag it: `nat-optimizer:schedule=Mon-Fri@06:00-18:00, nat-optimizer:timezone=Europe/Berlin`',
    );
    expect(markdown).toContain(
      `aws ec2 create-tags --region us-east-1 --resources ${DEV.natGatewayId} --tags 'Key=nat-optimizer:schedule,Value=Mon-Fri@06:00-18:00' 'Key=nat-optimizer:timezone,Value=Europe/Berlin'`,
    );
  });
});
