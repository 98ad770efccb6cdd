// Prices of an analysis run on the simulated account: overrides, a region without a price, the Price List refresh.

import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../lib/use-cases/analysis/analyze';
import { MissingPriceError } from '../../../lib/use-cases/prices';
import { analysisAccount, exampleSnapshot } from '../../fixtures/analysis-account';

const NOWHERE = 'xx-nowhere-1';

describe('analysis prices', () => {
  it('should stop before any AWS call, naming the region, when the region has no price', async () => {
    // Prepare
    const snapshot = { ...(await exampleSnapshot()), region: NOWHERE };
    const account = analysisAccount(snapshot);

    // Act
    const running = runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    await expect(running).rejects.toThrow(MissingPriceError);
    await expect(running).rejects.toThrow(/xx-nowhere-1.*NAT_OPTIMIZER_PRICE_OVERRIDES/);
    expect(account.sim.callCount()).toBe(0);
  });

  it('should price the gateways with the override of the region, and say so', async () => {
    // Prepare
    const account = analysisAccount(await exampleSnapshot(), {
      NAT_OPTIMIZER_PRICE_OVERRIDES: '{"us-east-1":{"natGatewayHourly":0.1}}',
    });

    // Act
    const result = await runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    expect(result.prices).toMatchObject({
      natGatewayHourly: 0.1,
      natGatewayPerGb: 0.045,
      source: 'override',
    });
    expect(result.natGateways[0]?.cost.hourly).toBeCloseTo(336 * 0.1, 2);
  });

  it('should not reach the Price List API on a simulated account, and warn that the refresh was skipped', async () => {
    // Prepare
    const account = analysisAccount(await exampleSnapshot(), { NAT_OPTIMIZER_REFRESH_PRICES: 'true' });

    // Act
    const result = await runAnalysis(account.runtime, account.config, account.attribution);

    // Assess
    expect(result.prices.source).toBe('built-in');
    expect(result.warnings).toContain(
      'NAT_OPTIMIZER_REFRESH_PRICES is ignored on a simulated account: built-in prices used',
    );
  });
});
