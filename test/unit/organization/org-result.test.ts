// The organisation report: totals from the targets' own, roll-ups, the exit rule, the reason of a failed step.
import { describe, expect, it } from 'vitest';
import {
  buildOrgReport,
  type DoneTarget,
  DuplicateTargetError,
  everyTargetFailed,
  failedTarget,
  taskFailureReason,
} from '../../../lib/domain/organization/org-result';
import {
  TargetsError,
  targetsFileSchema,
  targetsFromFile,
} from '../../../lib/domain/organization/org-targets';

const NOW = new Date('2026-11-16T03:00:00Z');

function done(accountId: string, region: string, projectedMonthlyCost: number): DoneTarget {
  return {
    accountId,
    region,
    status: 'done',
    natGateways: [],
    totals: {
      cost: projectedMonthlyCost / 2,
      projectedMonthlyCost,
      estimatedMonthlySavings: projectedMonthlyCost / 10,
    },
    summary: {},
    warnings: [],
  };
}

describe('buildOrgReport', () => {
  it('should sum the targets and roll them up per account and per region, failed targets counting zero', () => {
    // Act
    const report = buildOrgReport({
      job: 'analyze',
      now: NOW,
      results: [
        done('111111111111', 'us-east-1', 100.1),
        done('111111111111', 'eu-west-1', 200.2),
        done('222222222222', 'us-east-1', 50),
        failedTarget({ accountId: '333333333333', region: 'us-east-1' }, 'AccessDenied: no role'),
      ],
    });

    // Assess
    expect(report.totals).toEqual({
      cost: 175.15,
      projectedMonthlyCost: 350.3,
      estimatedMonthlySavings: 35.03,
    });
    expect(report.failed).toBe(1);
    expect(report.byAccount.map((r) => [r.key, r.targets, r.failed, r.totals.projectedMonthlyCost])).toEqual([
      ['111111111111', 2, 0, 300.3],
      ['222222222222', 1, 0, 50],
      ['333333333333', 1, 1, 0],
    ]);
    expect(report.byRegion.map((r) => [r.key, r.targets])).toEqual([
      ['eu-west-1', 1],
      ['us-east-1', 3],
    ]);
    expect(everyTargetFailed(report)).toBe(false);
  });

  it('should call a run failed only when it had targets and every one failed', () => {
    const target = { accountId: '111111111111', region: 'us-east-1' };
    expect(
      everyTargetFailed(buildOrgReport({ job: 'alert', now: NOW, results: [failedTarget(target, 'x')] })),
    ).toBe(true);
    expect(everyTargetFailed(buildOrgReport({ job: 'alert', now: NOW, results: [] }))).toBe(false);
  });

  it('should refuse the same target twice in one run', () => {
    const twice = [done('111111111111', 'us-east-1', 1), done('111111111111', 'us-east-1', 2)];
    expect(() => buildOrgReport({ job: 'analyze', now: NOW, results: twice })).toThrow(DuplicateTargetError);
  });
});

describe('taskFailureReason', () => {
  it("should read a Lambda function error's type and message from the Cause JSON", () => {
    const cause = JSON.stringify({
      errorType: 'SnapshotError',
      errorMessage: 'x.json is not valid JSON',
      trace: [],
    });
    expect(taskFailureReason({ Error: 'SnapshotError', Cause: cause })).toBe('x.json is not valid JSON');
  });

  it('should keep a plain-text cause, such as a timeout', () => {
    expect(taskFailureReason({ Error: 'States.Timeout', Cause: 'Task timed out after 960 seconds' })).toBe(
      'States.Timeout: Task timed out after 960 seconds',
    );
  });
});

describe('targets file', () => {
  it('should expand accounts × regions and add single pairs, each once', () => {
    const file = targetsFileSchema.parse({
      accounts: ['222222222222', '111111111111'],
      regions: ['us-east-1', 'eu-west-1'],
      targets: [
        { accountId: '111111111111', region: 'us-east-1' },
        { accountId: '333333333333', region: 'ap-south-1' },
      ],
    });
    expect(targetsFromFile(file).map((t) => `${t.accountId}/${t.region}`)).toEqual([
      '111111111111/eu-west-1',
      '111111111111/us-east-1',
      '222222222222/eu-west-1',
      '222222222222/us-east-1',
      '333333333333/ap-south-1',
    ]);
  });

  it('should refuse a malformed account id and an empty list', () => {
    expect(targetsFileSchema.safeParse({ accounts: ['12345'], regions: ['us-east-1'] }).success).toBe(false);
    expect(() => targetsFromFile(targetsFileSchema.parse({ targets: [] }))).toThrow(TargetsError);
  });
});
