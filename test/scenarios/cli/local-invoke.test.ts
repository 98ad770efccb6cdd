// Local mode: with NAT_OPTIMIZER_SNAPSHOT set, the analyze handler runs offline on a snapshot, through
// dist/local-sim.cjs loaded at run time (what `serverless invoke local` does, without the framework).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DescribeNatGatewaysCommand } from '@aws-sdk/client-ec2';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsRuntime } from '../../../lib/aws/aws-runtime';
import { type AwsClients, createClients } from '../../../lib/aws/clients';
import { buildConfig } from '../../../lib/config';
import { ANALYSIS_TAGS } from '../../../lib/domain/tag-keys';
import { scheduledEventSchema } from '../../../lib/events/scheduled-event';
import type { LocalSim } from '../../../lib/lambda-runtime';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILD_SCRIPT = `${ROOT}scripts/build-local-sim.mjs`;
const LOCAL_SIM = `${ROOT}dist/local-sim.cjs`;
const EVENT = JSON.parse(readFileSync(`${ROOT}events/analyze-scheduled.json`, 'utf8'));
const EXAMPLE = 'examples/example-account.json';
const EXAMPLE_CAPTURED_AT = '2026-11-16T00:00:00.000Z';
const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:nat-optimizer-local';
const LOCAL_ENV = { NAT_OPTIMIZER_SNAPSHOT: EXAMPLE, NAT_OPTIMIZER_TOPIC_ARN: TOPIC_ARN };

type CreateLocalSimClients = (path: string, clients?: AwsClients) => LocalSim;

function loadLocalSimModule(): CreateLocalSimClients {
  const loaded: unknown = createRequire(LOCAL_SIM)(LOCAL_SIM);
  const create =
    typeof loaded === 'object' && loaded !== null && 'createLocalSimClients' in loaded
      ? loaded.createLocalSimClients
      : undefined;
  if (typeof create !== 'function') throw new Error(`${LOCAL_SIM} does not export createLocalSimClients`);
  return (path, clients) => create(path, clients);
}

function localClients(): AwsClients {
  return createClients({
    region: 'us-east-1',
    maxAttempts: 3,
    credentials: { accessKeyId: 'LOCAL_MODE', secretAccessKey: 'LOCAL_MODE' },
  });
}

beforeAll(async () => {
  await run(process.execPath, [BUILD_SCRIPT], { cwd: ROOT });
});

describe('the sample Scheduled Event', () => {
  it('should be a valid nightly EventBridge Scheduled Event', () => {
    const parsed = scheduledEventSchema.safeParse(EVENT);

    expect(parsed.success).toBe(true);
  });
});

describe('createLocalSimClients from dist/local-sim.cjs', () => {
  it('should let the bare analyze handler analyse every gateway of the snapshot on its clock', async () => {
    const local = loadLocalSimModule()(`${ROOT}${EXAMPLE}`, localClients());
    const { analyzeHandler } = await import('../../../handlers/analyze');
    const runtime = awsRuntime({
      region: local.region,
      maxAttempts: 3,
      apply: true,
      clients: local.clients,
      now: local.now,
    });

    const summary = await analyzeHandler(EVENT, runtime);

    expect(summary).toMatchObject({ trigger: '2026-11-16T02:00:00Z', gateways: 7, taggedGateways: 7 });
    expect(summary.projectedMonthlyCost).toBeGreaterThan(0);
  });
});

describe('local mode through NAT_OPTIMIZER_SNAPSHOT', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    vi.resetModules();
    Object.assign(process.env, LOCAL_ENV);
  });

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('should run the real handler offline and publish the report to the simulated topic', async () => {
    const { analyzeHandler } = await import('../../../handlers/analyze');

    const summary = await analyzeHandler(EVENT);

    expect(summary).toMatchObject({ gateways: 7, taggedGateways: 7, published: true });
  });

  it('should give the handler the simulated clock, starting at the snapshot time', async () => {
    const { lambdaRuntime } = await import('../../../lib/lambda-runtime');

    expect(
      lambdaRuntime(buildConfig(process.env, ['core']).core)
        .now()
        .toISOString(),
    ).toBe(EXAMPLE_CAPTURED_AT);
  });

  it('should leave the figures as tags on the simulated gateways', async () => {
    const { analyzeHandler } = await import('../../../handlers/analyze');
    const { lambdaRuntime } = await import('../../../lib/lambda-runtime');

    await analyzeHandler(EVENT);
    const described = await lambdaRuntime(buildConfig(process.env, ['core']).core).clients.ec2.send(
      new DescribeNatGatewaysCommand({}),
    );

    const analysedAt = (described.NatGateways ?? []).map(
      (g) => g.Tags?.find((t) => t.Key === ANALYSIS_TAGS.analyzedAt)?.Value,
    );
    expect(analysedAt).toEqual(new Array(7).fill('2026-11-16T00:00:00Z'));
  });

  it('should refuse a snapshot of another region than AWS_REGION', async () => {
    process.env.AWS_REGION = 'eu-west-1';
    const { lambdaRuntime } = await import('../../../lib/lambda-runtime');

    expect(() => lambdaRuntime(buildConfig(process.env, ['core']).core)).toThrow(
      'NAT_OPTIMIZER_SNAPSHOT is an account in us-east-1 but AWS_REGION is eu-west-1: run with --region us-east-1',
    );
  });
});
