// `nat-optimizer demo`: the whole optimizer on the bundled example account, starting with the nightly analysis.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../fixtures/cli-run';

describe('nat-optimizer demo', () => {
  it('should exit 0 and print the nightly analysis section of the example account', async () => {
    // Act
    const run = await runCli(['demo']);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('━━ Nightly analysis — account 111122223333, us-east-1 ━━');
    expect(run.stdout).toMatch(/\$[\d,]+\.\d{2}\/month could be saved/);
    for (const name of ['prod-nat-a', 'staging-nat-a', 'dev-nat-a', 'legacy-nat-a', 'forgotten-nat']) {
      expect(run.stdout).toContain(name);
    }
  });

  it('should show the findings the example account calls for in the analysis section', async () => {
    // Act
    const run = await runCli(['demo']);

    // Assess
    const analysis = run.stdout.split(/━━ (?!Nightly)/)[0] ?? '';
    for (const code of ['IDLE', 'UNROUTED', 'GATEWAY_ENDPOINT_S3', 'CROSS_AZ', 'PORT_ALLOCATION_ERRORS']) {
      expect(analysis).toContain(code);
    }
  });
});
