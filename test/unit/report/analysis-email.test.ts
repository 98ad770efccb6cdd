import { describe, expect, it } from 'vitest';
import { renderAnalysisEmail, SNS_MESSAGE_MAX_BYTES } from '../../../lib/report/analysis-email';
import {
  analysisResult,
  DEV,
  gatewayAnalysis,
  IDLE,
  manyGatewaysResult,
  PROD,
  typicalResult,
} from './report-fixture';

describe('renderAnalysisEmail', () => {
  it('should sum the run up in the subject', () => {
    // Act
    const { subject } = renderAnalysisEmail(typicalResult());

    // Assess
    expect(subject).toBe('NAT report us-east-1: $701/mo, save ~$325/mo (5 findings)');
  });

  it('should keep the subject a short ASCII line even with a 300-character gateway name', () => {
    // Prepare
    const longName = `${'x'.repeat(150)}\nSubject: forged ✓ ${'y'.repeat(140)}`;
    const result = analysisResult([gatewayAnalysis({ ...PROD, name: longName })]);

    // Act
    const { subject, body } = renderAnalysisEmail(result);

    // Assess
    expect(subject.length).toBeLessThan(100);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(body).not.toMatch(/^Subject: forged/m);
  });

  it('should start the body with the totals', () => {
    // Act
    const { body } = renderAnalysisEmail(typicalResult());

    // Assess
    const head = body.split('\n').slice(0, 8).join('\n');
    expect(head).toContain('Could be saved:      $325.40/month (5 findings)');
    expect(head).toContain('Projected cost:      $700.50/month for 3 NAT gateways');
    expect(head).toContain('Cost in the window:  $322.42');
  });

  it('should rank the findings by saving', () => {
    // Act
    const { body } = renderAnalysisEmail(typicalResult());

    // Assess
    expect(body).toContain(`1. $271.44/month  GATEWAY_ENDPOINT_S3 [high]  prod-nat-a (${PROD.natGatewayId})`);
    expect(body).toContain(`2. $32.85/month  IDLE [high]  forgotten-nat (${IDLE.natGatewayId})`);
    expect(body).toContain(`3. $21.11/month  OFF_HOURS_CANDIDATE [medium]  dev-nat-a (${DEV.natGatewayId})`);
  });

  it('should tell which tags to set for a proposed schedule', () => {
    // Act
    const { body } = renderAnalysisEmail(typicalResult());

    // Assess
    const howTo = body.slice(body.indexOf('HOW TO ACT'));
    expect(howTo).toContain(`  - dev-nat-a (${DEV.natGatewayId}), save $21.11/month:`);
    expect(howTo).toContain(
      '    nat-optimizer:schedule=Mon-Fri@06:00-18:00\n    nat-optimizer:timezone=Europe/Berlin\n',
    );
    expect(howTo).toContain(`aws ec2 create-tags --region us-east-1 --resources ${DEV.natGatewayId}`);
    expect(howTo).toContain('nat-optimizer:failover=on');
  });

  it('should stay under the SNS limit for 2,000 gateways and name the top saving', () => {
    // Prepare
    const result = manyGatewaysResult(2000);

    // Act
    const { body } = renderAnalysisEmail(result);

    // Assess
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThan(SNS_MESSAGE_MAX_BYTES);
    expect(body).toContain(
      '1. $20.99/month  OFF_HOURS_CANDIDATE [medium]  team-1999-nat (nat-000000000000007cf)',
    );
    expect(body).toContain('... and 1,950 more gateways');
  });
});
