import { describe, expect, it } from 'vitest';
import {
  alreadyAlerted,
  decodeAlertRecord,
  encodeAlertRecord,
  periodAlreadySent,
  recordAfterSending,
} from '../../../lib/domain/alerts/alert-record';

describe('alert record codec', () => {
  it('should write the day then the kinds in a fixed order', () => {
    // Act
    const value = encodeAlertRecord({ date: '2026-11-15', kinds: ['anomaly', 'threshold'] });

    // Assess
    expect(value).toBe('2026-11-15 threshold anomaly');
  });

  it('should read back what it wrote', () => {
    // Act
    const record = decodeAlertRecord('2026-11-15 threshold anomaly');

    // Assess
    expect(record).toEqual({ date: '2026-11-15', kinds: ['threshold', 'anomaly'] });
  });

  it('should treat a value edited into something else as no record', () => {
    // Act
    const record = decodeAlertRecord('yesterday anomaly');

    // Assess
    expect(record).toBeUndefined();
  });

  it('should keep the kinds already sent on the same day', () => {
    // Act
    const record = recordAfterSending({ date: '2026-11-15', kinds: ['anomaly'] }, '2026-11-15', [
      'threshold',
    ]);

    // Assess
    expect(record).toEqual({ date: '2026-11-15', kinds: ['threshold', 'anomaly'] });
  });

  it('should start over on a new day', () => {
    // Act
    const record = recordAfterSending({ date: '2026-11-14', kinds: ['anomaly'] }, '2026-11-15', [
      'threshold',
    ]);

    // Assess
    expect(record).toEqual({ date: '2026-11-15', kinds: ['threshold'] });
  });

  it('should not alert on a day older than the last one alerted', () => {
    // Act
    const sent = alreadyAlerted({ date: '2026-11-15', kinds: ['anomaly'] }, '2026-11-10', 'threshold');

    // Assess
    expect(sent).toBe(true);
  });

  it('should find a region-wide period on any gateway', () => {
    // Act
    const sent = periodAlreadySent([undefined, '2026-11', 'garbage'], '2026-11');

    // Assess
    expect(sent).toBe(true);
  });

  it('should not mistake last month for this one', () => {
    // Act
    const sent = periodAlreadySent(['2026-10'], '2026-11');

    // Assess
    expect(sent).toBe(false);
  });
});
