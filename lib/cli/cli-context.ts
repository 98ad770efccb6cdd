// What every command needs: a runtime on the simulated or the real account, the config, and where output goes.

import { writeFile } from 'node:fs/promises';
import { awsRuntime } from '../aws/aws-runtime';
import { sdkRegion } from '../aws/profile-region';
import {
  type ConfigOf,
  cliEnvironment,
  configWith,
  type Job,
  type JobConfig,
  type Section,
  sectionsWith,
} from '../config';
import { clientTimeouts } from '../config/core-config';
import { NO_ATTRIBUTION, type TrafficAttribution } from '../domain/analysis/traffic-attribution';
import { BadInputError } from '../errors';
import type { Runtime } from '../runtime';
import type { SimAccount } from '../sim/sim-account';
import { simRuntime, snapshotAttribution } from '../sim/sim-runtime';
import { createSimulatedAccount } from '../sim/simulated-account';
import { loadSnapshotFile } from '../sim/snapshot-load';

import { configuredAttribution } from '../use-cases/endpoints/flow-log-attribution';
import type { OutputFormat } from './common-options';
import { terminalProgress } from './terminal-progress';

export interface CommonOptions {
  snapshot?: string;
  writeSnapshot?: string;
  json?: boolean;
  format?: string;
  output?: string;
  region?: string;
  profile?: string;
  apply?: boolean;
  at?: string;
}

export interface CliContext<J extends Job = Job> {
  runtime: Runtime;
  config: JobConfig<J>;
  sim?: SimAccount;
  attribution: TrafficAttribution;
  /** Writes the simulated account's state when --write-snapshot was given. */
  finish(): Promise<void>;
}

/** An instant with an explicit offset: without one, JavaScript would read it in this machine's local zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(text: string, flag: string): Date {
  const at = new Date(text);
  if (!ISO_INSTANT.test(text) || Number.isNaN(at.getTime())) {
    throw new BadInputError(
      `${flag} must be an ISO-8601 instant with its offset, such as 2026-11-16T18:30:00Z or ` +
        `2026-11-16T19:30:00+01:00, got "${text}"`,
    );
  }
  return at;
}

function hasSection<S extends Section>(config: object, section: S): config is ConfigOf<S> {
  return section in config;
}

/** A runtime for the command's job, validating only that job's settings. */
export async function openContext<J extends Job>(options: CommonOptions, job: J): Promise<CliContext<J>> {
  if (options.writeSnapshot && !options.snapshot) {
    throw new BadInputError(
      '--write-snapshot needs --snapshot (only a simulated account can be written out)',
    );
  }
  if (options.snapshot) {
    const snapshot = await loadSnapshotFile(options.snapshot);
    if (options.region && options.region !== snapshot.region) {
      throw new BadInputError(
        `--region ${options.region} does not match the snapshot's region ${snapshot.region}`,
      );
    }
    const config = configWith(job, { AWS_REGION: snapshot.region });
    const { core } = sectionsWith(['core'], { AWS_REGION: snapshot.region });
    const account = createSimulatedAccount(snapshot, { maxAttempts: core.maxAttempts + 3 });
    if (options.at) account.sim.setClock(parseInstant(options.at, '--at'));
    return {
      runtime: simRuntime(account, terminalProgress()),
      config,
      sim: account.sim,
      attribution: snapshotAttribution(account.sim),
      async finish() {
        if (options.writeSnapshot) {
          await writeFile(options.writeSnapshot, `${JSON.stringify(account.sim.toSnapshot(), null, 2)}\n`);
        }
      },
    };
  }
  const profile = options.profile ?? cliEnvironment().profile;
  const region = options.region ?? (await sdkRegion(profile));
  if (!region) {
    throw new BadInputError(
      `no region: pass --region, set AWS_REGION, or set region in the ${profile ? `"${profile}"` : 'default'} profile of ~/.aws/config`,
    );
  }
  const config = configWith(job, { AWS_REGION: region });
  const { core } = sectionsWith(['core'], { AWS_REGION: region });
  const runtime = awsRuntime({
    region,
    maxAttempts: core.maxAttempts,
    timeouts: clientTimeouts(core),
    apply: options.apply === true,
    progress: terminalProgress(),
    ...(profile ? { profile } : {}),
  });
  return {
    runtime,
    config,
    attribution: hasSection(config, 'endpoints') ? configuredAttribution(runtime, config) : NO_ATTRIBUTION,
    finish: async () => undefined,
  };
}

/** Prints to stdout, or writes the file named by --output. */
export async function emit(text: string, options: CommonOptions): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (options.output) await writeFile(options.output, body);
  else process.stdout.write(body);
}

/** The format asked for (--json or --format), refused unless this command prints it. */
export function outputFormat(options: CommonOptions, formats: readonly OutputFormat[]): OutputFormat {
  if (options.json) return 'json';
  const format = options.format ?? 'table';
  const known = formats.find((f) => f === format);
  if (known) return known;
  throw new BadInputError(
    `--format must be ${formats.join(', ').replace(/, ([^,]*)$/, ' or $1')}, got "${format}"`,
  );
}
