import { describe, expect, it } from 'vitest';
import { type AlertDecisionContext, gatewaysForAlerts } from '../../../lib/domain/alerts/alert-context';
import { DEFAULT_ALERT_SETTINGS } from '../../../lib/domain/alerts/alert-settings';
import { regionTotals } from '../../../lib/domain/alerts/daily-cost';
import type { NatGateway } from '../../../lib/domain/model';
import { ALERT_TAGS } from '../../../lib/domain/tag-keys';
import { composeAlertMessage, composeAllClear } from '../../../lib/report/alert-message';
import { alertSection } from '../../../lib/report/alert-text';
import { SNS_MESSAGE_MAX_BYTES } from '../../../lib/report/analysis-email';
import {
  costsOf,
  dailyTraffic,
  decide,
  natGateway,
  steadyThenDay,
  US_EAST_1_PRICES,
  utcCalendar,
} from '../alerts/alert-builders';
import { inventory } from '../analysis/analysis-builders';

const calendar = utcCalendar();
const SUBJECT_LIMIT = 100;

function scenario(gateways: NatGateway[], outboundShare = 0.3, settings = {}) {
  const metrics = Object.fromEntries(
    gateways.map((g) => [g.natGatewayId, dailyTraffic(calendar, steadyThenDay(500), outboundShare)]),
  );
  const costs = costsOf(gateways, metrics, calendar);
  const decision = decide(gateways, metrics, settings, calendar);
  const context: AlertDecisionContext = {
    region: 'us-east-1',
    date: calendar.day.date,
    timezone: 'UTC',
    month: calendar.month.label,
    prices: US_EAST_1_PRICES,
    totals: regionTotals(costs),
    settings: { ...DEFAULT_ALERT_SETTINGS, ...settings },
    gateways: gatewaysForAlerts(inventory({ natGateways: gateways }), costs),
  };
  return { decision, context };
}

const many = (count: number, name = (i: number) => `gateway-${i}`) =>
  Array.from({ length: count }, (_, i) =>
    natGateway(`nat-${String(i).padStart(17, '0')}`, { tags: { Name: name(i) } }),
  );

describe('composeAlertMessage', () => {
  it('should name the gateway, region, amount and kind in the subject', () => {
    // Prepare
    const { decision, context } = scenario([natGateway('nat-1', { tags: { Name: 'prod-nat-a' } })]);

    // Act
    const message = composeAlertMessage(decision.alerts, context, []);

    // Assess
    expect(message.subject).toBe(
      'NAT cost anomaly: prod-nat-a us-east-1 $23.58 on 2026-11-15, 4.2x usual $5.58',
    );
  });

  it('should keep the subject ASCII, on one line and under 100 characters for a long non-ASCII name', () => {
    // Prepare
    const { decision, context } = scenario(many(3, () => `Überlänge-${'ñ'.repeat(150)}\nnext line`));

    // Act
    const { subject } = composeAlertMessage(decision.alerts, context, []);

    // Assess
    expect(subject.length).toBeLessThan(SUBJECT_LIMIT);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject).toMatch(/us-east-1 \$23\.58 .* \+2 more$/);
  });

  it('should detail the first twenty alerts and list the others one per line', () => {
    // Prepare
    const { decision, context } = scenario(many(300));

    // Act
    const { body } = composeAlertMessage(decision.alerts, context, []);

    // Assess
    expect(body.match(/^ANOMALY - /gm)).toHaveLength(20);
    expect(body).toContain(
      'Other alerts (280):\n- anomaly gateway-20 (nat-00000000000000020): $23.58, usual $5.58',
    );
  });

  it('should stay under the SNS size limit with two thousand alerts and say what was left out', () => {
    // Prepare
    const { decision, context } = scenario(many(2000, (i) => `gateway-${i}-${'x'.repeat(200)}`));

    // Act
    const { body } = composeAlertMessage(decision.alerts, context, []);

    // Assess
    expect(decision.alerts).toHaveLength(2000);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThan(SNS_MESSAGE_MAX_BYTES);
    expect(body).toContain('the rest did not fit: run "nat-optimizer alert --date 2026-11-15"');
  });

  it('should give subscribers string attributes to filter on', () => {
    // Prepare
    const { decision, context } = scenario([
      natGateway('nat-1', { tags: { [ALERT_TAGS.dailyBudget]: '10' } }),
    ]);

    // Act
    const { attributes } = composeAlertMessage(decision.alerts, context, []);

    // Assess
    expect(attributes).toEqual({
      severity: 'high',
      kind: 'threshold',
      kinds: 'anomaly threshold',
      region: 'us-east-1',
      date: '2026-11-15',
    });
  });

  it('should list tags that could not be read', () => {
    // Prepare
    const { decision, context } = scenario([natGateway('nat-1')]);
    const problem = { natGatewayId: 'nat-2', message: 'nat-2: tag nat-optimizer:daily-budget ... got "abc"' };

    // Act
    const { body } = composeAlertMessage(decision.alerts, context, [problem]);

    // Assess
    expect(body).toContain(
      'Tags that could not be read (1):\n- nat-2: tag nat-optimizer:daily-budget ... got "abc"',
    );
  });
});

describe('alertSection', () => {
  it('should blame the inbound direction when downloads grew', () => {
    // Prepare
    const { decision, context } = scenario([natGateway('nat-1')], 0.1);
    const [alert] = decision.alerts;
    if (!alert) throw new Error('expected an alert');

    // Act
    const text = alertSection(alert, context).replace(/\s+/g, ' ');

    // Assess
    expect(text).toContain(
      'Likely cause: traffic coming back in from the internet (BytesInFromDestination) grew to 450.00 GiB from 90.00 GiB on a usual day (5.0x)',
    );
  });

  it('should tell how to raise the budget of a gateway over its tag budget', () => {
    // Prepare
    const { decision, context } = scenario([
      natGateway('nat-1', { tags: { [ALERT_TAGS.dailyBudget]: '10' } }),
    ]);
    const threshold = decision.alerts.find((a) => a.kind === 'threshold');
    if (!threshold) throw new Error('expected a threshold alert');

    // Act
    const text = alertSection(threshold, context).replace(/\s+/g, ' ');

    // Assess
    expect(text).toContain('Above its daily budget (tag nat-optimizer:daily-budget) of $10.00 by $13.58.');
    expect(text).toContain("raise the gateway's budget with the tag nat-optimizer:daily-budget");
  });
});

describe('composeAllClear', () => {
  it('should say all clear with the day total in the subject', () => {
    // Prepare
    const { context } = scenario([natGateway('nat-1')]);

    // Act
    const digest = composeAllClear(context, []);

    // Assess
    expect(digest.subject).toBe('NAT costs all clear: us-east-1 2026-11-15, $23.58 for 1 gateway');
    expect(digest.attributes.kind).toBe('all-clear');
  });
});
