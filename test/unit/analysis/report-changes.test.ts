import { describe, expect, it } from 'vitest';
import {
  changesSinceLastReport,
  type PreviousFigures,
  readPreviousFigures,
} from '../../../lib/domain/analysis/report-changes';
import { ANALYSIS_TAGS } from '../../../lib/domain/tag-keys';
import { analysisResult, DEV, IDLE, PROD } from '../report/report-fixture';

const AT = '2026-11-15T02:00:05Z';

function previous(figures: Partial<PreviousFigures>): PreviousFigures {
  return { analyzedAt: AT, monthlyCost: 0, monthlySavings: 0, findings: [], ...figures };
}

describe('readPreviousFigures', () => {
  it('should read the four figures the nightly run writes', () => {
    // Act
    const figures = readPreviousFigures({
      [ANALYSIS_TAGS.analyzedAt]: AT,
      [ANALYSIS_TAGS.monthlyCost]: '1141.59',
      [ANALYSIS_TAGS.monthlySavings]: '687.42',
      [ANALYSIS_TAGS.findings]: 'GATEWAY_ENDPOINT_S3 CROSS_AZ',
    });

    // Assess
    expect(figures).toEqual({
      analyzedAt: AT,
      monthlyCost: 1141.59,
      monthlySavings: 687.42,
      findings: ['GATEWAY_ENDPOINT_S3', 'CROSS_AZ'],
    });
  });

  it('should read "none" as no findings', () => {
    // Act
    const figures = readPreviousFigures({
      [ANALYSIS_TAGS.analyzedAt]: AT,
      [ANALYSIS_TAGS.monthlyCost]: '32.85',
      [ANALYSIS_TAGS.monthlySavings]: '0.00',
      [ANALYSIS_TAGS.findings]: 'none',
    });

    // Assess
    expect(figures?.findings).toEqual([]);
  });

  it.each([
    [{}],
    [
      {
        [ANALYSIS_TAGS.analyzedAt]: 'yesterday',
        [ANALYSIS_TAGS.monthlyCost]: '1',
        [ANALYSIS_TAGS.monthlySavings]: '0',
      },
    ],
    [
      {
        [ANALYSIS_TAGS.analyzedAt]: AT,
        [ANALYSIS_TAGS.monthlyCost]: '$1,141',
        [ANALYSIS_TAGS.monthlySavings]: '0',
      },
    ],
  ])('should ignore figures that are missing or malformed (%j)', (tags) => {
    expect(readPreviousFigures(tags)).toBeUndefined();
  });
});

describe('changesSinceLastReport', () => {
  it('should say nothing changed on a first report', () => {
    // Act
    const changes = changesSinceLastReport(analysisResult([PROD, DEV]), new Map());

    // Assess
    expect(changes).toMatchObject({ previousAt: null, comparedGateways: 0, gateways: [] });
  });

  it('should list new gateways, new findings and resolved findings', () => {
    // Prepare
    const result = analysisResult([PROD, DEV, IDLE]);
    const before = new Map([
      [
        PROD.natGatewayId,
        previous({ monthlyCost: PROD.projectedMonthlyCost, findings: ['PORT_ALLOCATION_ERRORS'] }),
      ],
      [
        IDLE.natGatewayId,
        previous({ monthlyCost: IDLE.projectedMonthlyCost, findings: ['IDLE', 'UNROUTED', 'CROSS_AZ'] }),
      ],
    ]);

    // Act
    const changes = changesSinceLastReport(result, before);

    // Assess
    expect(changes.previousAt).toBe('2026-11-15T02:00:05.000Z');
    expect(changes.comparedGateways).toBe(2);
    const byId = new Map(changes.gateways.map((g) => [g.natGatewayId, g]));
    expect(byId.get(DEV.natGatewayId)?.isNew).toBe(true);
    expect(byId.get(PROD.natGatewayId)?.newFindings).toEqual(['GATEWAY_ENDPOINT_S3']);
    expect(byId.get(IDLE.natGatewayId)?.resolvedFindings).toEqual(['CROSS_AZ']);
  });

  it('should report a cost move of at least 10% and $5/month, and not a smaller one', () => {
    // Prepare
    const result = analysisResult([PROD, IDLE]);
    const codes = (g: typeof PROD) => [...new Set(g.findings.map((f) => f.code))];
    const before = new Map([
      [
        PROD.natGatewayId,
        previous({
          monthlyCost: PROD.projectedMonthlyCost * 0.8,
          findings: codes(PROD),
          monthlySavings: 271.44,
        }),
      ],
      [
        IDLE.natGatewayId,
        previous({
          monthlyCost: IDLE.projectedMonthlyCost - 3,
          findings: codes(IDLE),
          monthlySavings: 32.85,
        }),
      ],
    ]);

    // Act
    const changes = changesSinceLastReport(result, before);

    // Assess
    expect(changes.gateways.map((g) => g.natGatewayId)).toEqual([PROD.natGatewayId]);
    expect(changes.totals.monthlyCost.after).toBeCloseTo(
      PROD.projectedMonthlyCost + IDLE.projectedMonthlyCost,
      6,
    );
  });
});
