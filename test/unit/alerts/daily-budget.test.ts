import { describe, expect, it } from 'vitest';
import { AlertTagError, dailyBudgetOf } from '../../../lib/domain/alerts/daily-budget';
import { ALERT_TAGS } from '../../../lib/domain/tag-keys';

const budget = (value: string) => dailyBudgetOf('nat-1', { [ALERT_TAGS.dailyBudget]: value });

describe('dailyBudgetOf', () => {
  it('should read a whole amount in USD', () => {
    // Act
    const amount = budget('25');

    // Assess
    expect(amount).toBe(25);
  });

  it('should read an amount with cents', () => {
    // Act
    const amount = budget('25.50');

    // Assess
    expect(amount).toBe(25.5);
  });

  it('should be undefined for a gateway without the tag', () => {
    // Act
    const amount = dailyBudgetOf('nat-1', { Name: 'x' });

    // Assess
    expect(amount).toBeUndefined();
  });

  it.each(['$25', 'twenty', '-3', '0', '25.505', '25,50', ''])(
    'should refuse "%s", naming the gateway and the value',
    (value) => {
      // Act
      const attempt = () => budget(value);

      // Assess
      expect(attempt).toThrow(AlertTagError);
      expect(attempt).toThrow(
        `nat-1: tag nat-optimizer:daily-budget must be a positive amount in USD such as 25 or 25.50, got "${value}"`,
      );
    },
  );
});
