import { describe, expect, it } from 'vitest';
import { changesSinceLastReport } from '../../../lib/domain/analysis/report-changes';
import {
  EMAIL_SCREEN_LINES,
  renderAnalysisEmail,
  SNS_MESSAGE_MAX_BYTES,
} from '../../../lib/report/analysis-email';
import { EMAIL_LINE_WIDTH } from '../../../lib/report/text-table';
import {
  analysisResult,
  DEV,
  gatewayAnalysis,
  IDLE,
  manyGatewaysResult,
  PROD,
  typicalResult,
} from './report-fixture';

/** The body with shell line continuations joined, so commands read as one line. */
function unwrapped(text: string): string {
  return text.replace(/ \\\n\s+/g, ' ');
}

/** The typical result after a run that saw prod without its S3 finding at $600/month, and no dev gateway. */
function withChanges() {
  const result = typicalResult();
  const previous = { analyzedAt: '2026-11-15T02:00:00Z', monthlySavings: 0 };
  result.sinceLastReport = changesSinceLastReport(
    result,
    new Map([
      [
        PROD.natGatewayId,
        { ...previous, monthlyCost: 600 - IDLE.projectedMonthlyCost, findings: ['PORT_ALLOCATION_ERRORS'] },
      ],
      [
        IDLE.natGatewayId,
        { ...previous, monthlyCost: IDLE.projectedMonthlyCost, findings: ['IDLE', 'UNROUTED'] },
      ],
    ]),
  );
  return result;
}

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

  it('should fit the lead on one screen: at most 25 lines of at most 76 columns before the details', () => {
    for (const result of [typicalResult(), manyGatewaysResult(2000), withChanges()]) {
      // Act
      const { body } = renderAnalysisEmail(result);

      // Assess
      const lines = body.split('\n');
      const lead = lines.slice(
        0,
        lines.indexOf('Details below: findings, gateways, all commands, notes, warnings.') + 1,
      );
      expect(lead.length).toBeGreaterThan(3);
      expect(lead.length).toBeLessThanOrEqual(EMAIL_SCREEN_LINES);
      expect(Math.max(...lead.map((line) => line.length))).toBeLessThanOrEqual(EMAIL_LINE_WIDTH);
    }
  });

  it('should lead with the saving, what changed since the last report and what to do first', () => {
    // Act
    const { body } = renderAnalysisEmail(withChanges());

    // Assess
    const lead = body.slice(0, body.indexOf('Details below'));
    expect(lead).toContain('Could be saved: $325.40/month of $700.50/month projected');
    expect(lead).toContain('SINCE THE LAST REPORT (2026-11-15 02:00 UTC)');
    expect(lead).toContain('- Projected cost $600.00 -> $657.00 (+$57.00)/month');
    expect(lead).toContain('- New findings: prod-nat-a GATEWAY_ENDPOINT_S3.');
    expect(lead).toContain('- New gateways: dev-nat-a.');
    expect(unwrapped(lead)).toContain('DO FIRST\n1. $271.44/month:');
  });

  it('should say so on a first report', () => {
    // Act
    const { body } = renderAnalysisEmail(typicalResult());

    // Assess
    expect(body).toContain('SINCE THE LAST REPORT\n- First report for these gateways');
  });

  it('should give the endpoints command behind the gateway-endpoint savings in how to act', () => {
    // Act
    const { body } = renderAnalysisEmail(typicalResult());

    // Assess
    const howTo = unwrapped(body.slice(body.indexOf('HOW TO ACT')));
    expect(howTo).toContain(
      `nat-optimizer endpoints --region us-east-1 --vpc ${PROD.vpcId} --service s3 --apply`,
    );
  });

  it('should print a caveat shared by many findings once', () => {
    // Prepare
    const caveat = { id: 's3-endpoint-source-ip', text: 'Bucket policies with aws:SourceIp stop matching.' };
    const result = manyGatewaysResult(30);
    for (const gateway of result.natGateways) for (const f of gateway.findings) f.caveats = [caveat];

    // Act
    const { body } = renderAnalysisEmail(result);

    // Assess
    expect(body.split('aws:SourceIp stop matching').length - 1).toBe(1);
    expect(body).toContain('(see note 1)');
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
    const howTo = unwrapped(body.slice(body.indexOf('HOW TO ACT')));
    expect(howTo).toContain(`$21.11/month: Set the schedule tags, dev-nat-a (${DEV.natGatewayId})`);
    expect(howTo).toContain(
      `aws ec2 create-tags --region us-east-1 --resources ${DEV.natGatewayId} --tags 'Key=nat-optimizer:schedule,Value=Mon-Fri@06:00-18:00' 'Key=nat-optimizer:timezone,Value=Europe/Berlin'`,
    );
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
