// Stage parameters are checked before deployment: on the packaged template, and by `serverless package` itself.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkStageParameters } from '../../lib/config/deploy-check';
import { FUNCTION_JOBS } from '../../lib/config/jobs';
import { packagedTemplate, resourcesOfType } from './packaged-template';

const run = promisify(execFile);
const LOGICAL_SUFFIX = 'LambdaFunction';

/** Serverless names a function's resource `<Name>LambdaFunction` (first letter upper-cased). */
function functionName(logicalId: string): string {
  const base = logicalId.slice(0, -LOGICAL_SUFFIX.length);
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}`;
}

function packagedFunctions() {
  const functions = resourcesOfType(packagedTemplate(), 'AWS::Lambda::Function')
    .filter(([logicalId]) => logicalId.endsWith(LOGICAL_SUFFIX))
    .map(([logicalId, resource]) => {
      const environment = (resource.Properties?.Environment as { Variables?: Record<string, unknown> })
        ?.Variables;
      return [functionName(logicalId), { environment: environment ?? {} }] as const;
    });
  return Object.fromEntries(functions);
}

/** `serverless package` with extra --param values; resolves with its exit code and output. */
async function packageWith(params: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      'npx',
      ['serverless', 'package', '--stage', 'param-check', ...params.map((p) => `--param=${p}`)],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIATESTDUMMY0000000',
          AWS_SECRET_ACCESS_KEY: 'test-dummy-secret',
          AWS_EC2_METADATA_DISABLED: 'true',
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
        },
        maxBuffer: 8 * 1024 * 1024,
      },
    );
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('stage parameters', () => {
  it('should package every function the configuration knows, and no other', () => {
    // Act
    const names = Object.keys(packagedFunctions()).sort();

    // Assess
    expect(names).toEqual(Object.keys(FUNCTION_JOBS).sort());
  });

  it('should find every function of the packaged template valid with its own settings', () => {
    // Act
    const problems = checkStageParameters({
      region: 'us-east-1',
      providerEnvironment: {},
      functions: packagedFunctions(),
    });

    // Assess
    expect(problems).toEqual([]);
  });

  it('should name the function and the variable when a packaged value is malformed', () => {
    // Prepare
    const functions = packagedFunctions();
    const analyze = functions.analyze;
    if (!analyze) throw new Error('no analyze function');

    // Act
    const problems = checkStageParameters({
      region: 'us-east-1',
      providerEnvironment: {},
      functions: {
        ...functions,
        analyze: { environment: { ...analyze.environment, NAT_OPTIMIZER_IDLE_GIB: 'one' } },
      },
    });

    // Assess
    expect(problems).toEqual([
      {
        functionName: 'analyze',
        message: 'NAT_OPTIMIZER_IDLE_GIB must be a number of at least 0, got "one"',
      },
    ]);
  });

  it('should stop `serverless package` on a malformed analysis parameter, naming only the functions that read it', async () => {
    // Act
    const { code, output } = await packageWith(['priceOverrides={eu-west-1: 0.048}']);

    // Assess
    expect(code).not.toBe(0);
    expect(output).toContain('function analyze: NAT_OPTIMIZER_PRICE_OVERRIDES must be JSON');
    expect(output).toContain('function costAlert: NAT_OPTIMIZER_PRICE_OVERRIDES must be JSON');
    expect(output).not.toContain('function failover');
  });

  it('should stop `serverless package` on a malformed failover parameter, naming the failover function', async () => {
    // Act
    const { code, output } = await packageWith(['failoverConcurrency=ten']);

    // Assess
    expect(code).not.toBe(0);
    expect(output).toContain(
      'function failover: NAT_OPTIMIZER_FAILOVER_CONCURRENCY must be a whole number from 1 to 50, got "ten"',
    );
  });
});
