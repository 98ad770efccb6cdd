// Generates an account snapshot (Contract 2) with N NAT gateways, deterministic from a seed.
// As a module: generateAccount({ gateways: 100, seed: 1 }). As a command:
//   npx tsx scripts/generate-account.ts --gateways 100 --out /tmp/a.json [--seed 1] [--region us-east-1] [--account-id 123456789012]

import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { HOUR_MS } from '../lib/domain/time-units';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { between, hourlyMetrics, processedBytes, type Random, seededRandom } from './generated-traffic';
import { type GeneratedVpc, generateVpc } from './generated-vpc';
import { VPC_CYCLE } from './generated-vpc-kinds';

export class GenerateAccountError extends Error {
  override name = 'GenerateAccountError';
}

export interface GenerateAccountOptions {
  gateways: number;
  seed?: number;
  region?: string;
  /** The snapshot's clock; the metrics cover the `days` before it. */
  capturedAt?: string;
  days?: number;
  accountId?: string;
}

/** 10.0.0.0/8 split into /20 VPCs. */
export const MAX_GATEWAYS = 5000;
const MAX_DAYS = 62;
const DEFAULTS = {
  seed: 1,
  region: 'us-east-1',
  capturedAt: '2026-11-16T00:00:00Z',
  days: 14,
  accountId: '123456789012',
};

function checkOptions(options: Required<GenerateAccountOptions>): void {
  if (!Number.isInteger(options.gateways) || options.gateways < 1 || options.gateways > MAX_GATEWAYS)
    throw new GenerateAccountError(`gateways must be a whole number from 1 to ${MAX_GATEWAYS}`);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > MAX_DAYS)
    throw new GenerateAccountError(`days must be a whole number from 1 to ${MAX_DAYS}`);
  const at = Date.parse(options.capturedAt);
  if (Number.isNaN(at) || at % HOUR_MS !== 0)
    throw new GenerateAccountError('capturedAt must be an ISO-8601 instant on a whole hour');
}

/** Flow-log attribution: S3 / DynamoDB shares of a gateway's bytes, none for S3 where an endpoint carries it. */
function serviceTraffic(random: Random, vpc: GeneratedVpc, bytes: number) {
  const s3Share = vpc.hasS3Endpoint ? 0 : between(random, vpc.s3Share[0], vpc.s3Share[1]);
  const dynamoShare = random() < 0.3 ? between(random, 0.01, 0.08) : 0;
  const S3 = Math.round(bytes * s3Share);
  const DYNAMODB = Math.round(bytes * dynamoShare);
  return { S3, DYNAMODB, OTHER: bytes - S3 - DYNAMODB };
}

export function generateAccount(input: GenerateAccountOptions): Snapshot {
  const options = { ...DEFAULTS, ...input };
  checkOptions(options);
  const random = seededRandom(options.seed);
  const capturedAt = new Date(options.capturedAt);
  const hours = options.days * 24;
  const metricsStart = new Date(capturedAt.getTime() - hours * HOUR_MS);
  const snapshot: Snapshot = {
    format: 'nat-optimizer/account-snapshot@1',
    accountId: options.accountId,
    region: options.region,
    capturedAt: capturedAt.toISOString().replace('.000Z', 'Z'),
    vpcs: [],
    subnets: [],
    internetGateways: [],
    routeTables: [],
    natGateways: [],
    elasticIps: [],
    vpcEndpoints: [],
    prefixLists: [
      { prefixListId: 'pl-63a5400a', prefixListName: `com.amazonaws.${options.region}.s3` },
      { prefixListId: 'pl-02cd2c6b', prefixListName: `com.amazonaws.${options.region}.dynamodb` },
    ],
    metrics: {
      periodSeconds: 3600,
      start: metricsStart.toISOString().replace('.000Z', 'Z'),
      natGateways: {},
    },
    trafficByService: {},
  };
  const context = {
    random,
    region: options.region,
    capturedAt,
    s3PrefixListId: 'pl-63a5400a',
    ids: { next: 0, mix: Math.imul(options.seed, 0x9e3779b1) >>> 0 },
  };
  let remaining = options.gateways;
  for (let index = 0; remaining > 0; index += 1) {
    const kind = VPC_CYCLE[index % VPC_CYCLE.length] ?? 'prod';
    const vpc = generateVpc(context, index, kind, remaining);
    remaining -= vpc.natGateways.length;
    snapshot.vpcs.push(vpc.vpc);
    snapshot.subnets.push(...vpc.subnets);
    snapshot.internetGateways.push(vpc.internetGateway);
    snapshot.routeTables.push(...vpc.routeTables);
    snapshot.vpcEndpoints.push(...vpc.vpcEndpoints);
    for (const { gateway, eip, shape } of vpc.natGateways) {
      snapshot.natGateways.push(gateway);
      snapshot.elasticIps.push(eip);
      const series = hourlyMetrics(shape, metricsStart, hours, random);
      snapshot.metrics.natGateways[gateway.natGatewayId] = series;
      if (shape.profile !== 'idle' && snapshot.trafficByService)
        snapshot.trafficByService[gateway.natGatewayId] = serviceTraffic(random, vpc, processedBytes(series));
    }
  }
  return snapshot;
}

function wholeNumber(text: string | undefined, flag: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value))
    throw new GenerateAccountError(`${flag} must be a whole number, got "${text ?? ''}"`);
  return value;
}

export const GENERATE_ACCOUNT_USAGE = `Usage: npx tsx scripts/generate-account.ts --gateways N [options]

Writes an account snapshot (a simulated account) with N NAT gateways, the same for the same seed.

Options:
  --gateways N         how many NAT gateways (1 to ${MAX_GATEWAYS}); required
  --out FILE           write the snapshot to FILE (default: stdout)
  --seed N             random seed (default ${DEFAULTS.seed})
  --region REGION      the snapshot's region (default ${DEFAULTS.region})
  --captured-at ISO    the snapshot's clock, on a whole hour (default ${DEFAULTS.capturedAt})
  --days N             days of hourly metrics before it (1 to ${MAX_DAYS}, default ${DEFAULTS.days})
  --pretty             indent the JSON
  -h, --help           print this help
`;

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      gateways: { type: 'string' },
      seed: { type: 'string' },
      region: { type: 'string' },
      'account-id': { type: 'string' },
      'captured-at': { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      pretty: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(GENERATE_ACCOUNT_USAGE);
    return;
  }
  const snapshot = generateAccount({
    gateways: wholeNumber(values.gateways, '--gateways'),
    seed: wholeNumber(values.seed, '--seed', DEFAULTS.seed),
    days: wholeNumber(values.days, '--days', DEFAULTS.days),
    ...(values.region ? { region: values.region } : {}),
    ...(values['account-id'] ? { accountId: values['account-id'] } : {}),
    ...(values['captured-at'] ? { capturedAt: values['captured-at'] } : {}),
  });
  const text = `${JSON.stringify(snapshot, null, values.pretty ? 2 : undefined)}\n`;
  if (values.out) {
    await writeFile(values.out, text);
    process.stderr.write(
      `${values.out}: ${snapshot.natGateways.length} NAT gateways in ${snapshot.vpcs.length} VPCs\n`,
    );
  } else {
    process.stdout.write(text);
  }
}

const invokedDirectly =
  process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`generate-account: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
