// The simulated organisation: a directory with one account snapshot per account and region. Each file is one
// target; a file that cannot be read or breaks the format is that target's failure, never the run's.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { memberRoleName, memberRuntimes } from '../aws/member-runtime';
import { orgTargetConfig } from '../config';
import {
  compareTargets,
  ORG_JOBS,
  type OrgJob,
  type OrgTarget,
  targetKey,
} from '../domain/organization/org-targets';
import type { HubDeps } from '../use-cases/organization/hub-steps';
import { listTargets } from '../use-cases/organization/list-targets';
import type { OrgEntry, TargetWorld } from '../use-cases/organization/org-run';
import { memoryResultStore } from './memory-result-store';
import { simRuntime, snapshotAttribution } from './sim-runtime';
import { type SimSts, simulatedSts } from './sim-sts';
import { createSimulatedAccount, type SimulatedAccount } from './simulated-account';
import { parseSnapshot, SnapshotError } from './snapshot-load';

export class SnapshotDirError extends Error {
  override name = 'SnapshotDirError';
}

const FILE_NAME_TARGET = /^(\d{12})[-_]([a-z]{2}(?:-[a-z]+)+-\d+)\.json$/;
const UNKNOWN = 'unknown';

/** Which target a file stands for: its accountId/region fields, else its name (`<account>-<region>.json`). */
function targetOf(file: string, text: string | undefined): OrgTarget {
  try {
    const json: unknown = text === undefined ? undefined : JSON.parse(text);
    if (typeof json === 'object' && json !== null && 'accountId' in json && 'region' in json) {
      const { accountId, region } = json;
      if (typeof accountId === 'string' && typeof region === 'string') return { accountId, region };
    }
  } catch {
    // Not JSON: the file name is all there is to go by.
  }
  const match = FILE_NAME_TARGET.exec(basename(file));
  return { accountId: match?.[1] ?? UNKNOWN, region: match?.[2] ?? UNKNOWN };
}

export interface SimOrgOptions {
  /** Sets every account's simulated clock first (`--at`); an account captured later keeps its own time. */
  at?: Date;
  maxAttempts?: number;
  /** Real milliseconds every call of every account takes (benchmarks: AWS's round trip). */
  latencyMs?: number;
}

export interface SimTargetEntry extends OrgEntry {
  source: string;
  /** The simulated account, once opened (the same one every time: its state carries over between jobs). */
  account(): Promise<SimulatedAccount>;
}

function entryFor(path: string, text: string | undefined, options: SimOrgOptions): SimTargetEntry {
  let opened: Promise<SimulatedAccount> | undefined;
  const account = () => {
    opened ??= (async () => {
      if (text === undefined) throw new SnapshotError(`cannot read snapshot ${path}`);
      const simulated = createSimulatedAccount(parseSnapshot(text, path), {
        ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      });
      if (options.at && options.at > simulated.sim.now()) simulated.sim.setClock(options.at);
      if (options.latencyMs) simulated.sim.injectFaults({ latencyMs: options.latencyMs });
      return simulated;
    })();
    return opened;
  };
  return {
    target: targetOf(path, text),
    source: path,
    account,
    async open(): Promise<TargetWorld> {
      const simulated = await account();
      return { runtime: simRuntime(simulated), attribution: snapshotAttribution(simulated.sim) };
    },
  };
}

/** One entry per `*.json` file of the directory, in account/region order. */
export async function loadSnapshotDir(dir: string, options: SimOrgOptions = {}): Promise<SimTargetEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new SnapshotDirError(`cannot read the snapshot directory ${dir}: ${code}`);
  }
  if (names.length === 0) throw new SnapshotDirError(`${dir} has no *.json account snapshot`);
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      return entryFor(path, text, options);
    }),
  );
  return entries.sort((a, b) => compareTargets(a.target, b.target) || a.source.localeCompare(b.source));
}

export interface SimulatedOrganization {
  /** What the hub's target step gets: the target's account through its assumed role. */
  open(target: OrgTarget, job: OrgJob): Promise<TargetWorld>;
  sts: SimSts;
}

export class SimMissingRegionError extends Error {
  override name = 'SimMissingRegionError';
}

/**
 * The organisation as the hub sees it on AWS: every account with a snapshot has the member roles (AssumeRole with
 * the external id works, through the same credential provider as on AWS); any other account refuses the hub.
 */
export function simulatedOrganization(
  entries: readonly SimTargetEntry[],
  access: { rolePrefix: string; externalId: string; hubRegion: string },
): SimulatedOrganization {
  const byTarget = new Map(entries.map((e) => [targetKey(e.target), e]));
  const sts = simulatedSts({
    accountIds: new Set(entries.map((e) => e.target.accountId)),
    roleNames: new Set(ORG_JOBS.map((job) => memberRoleName(access.rolePrefix, job))),
    externalId: access.externalId,
    now: () => new Date(),
  });
  const members = memberRuntimes({ ...access, maxAttempts: 3, apply: true, stsPlugins: [sts.plugin] });
  return {
    sts,
    async open(target, job) {
      const { clients } = await members.open(target, job);
      const entry = byTarget.get(targetKey(target));
      if (!entry)
        throw new SimMissingRegionError(
          `the simulated organisation has no snapshot for ${targetKey(target)}`,
        );
      const simulated = await entry.account();
      simulated.sim.attach(clients);
      return {
        runtime: { ...simRuntime(simulated), clients },
        attribution: snapshotAttribution(simulated.sim),
      };
    },
  };
}

/**
 * The hub's dependencies on the simulated organisation (tests, benchmark): the targets are the snapshot files, the
 * results go to a store in memory, and every target is reached through its member role.
 */
export function simulatedHubDeps(
  entries: readonly SimTargetEntry[],
  options: {
    access: { rolePrefix: string; externalId: string; hubRegion: string };
    now: Date;
    extraTargets?: OrgTarget[];
  },
) {
  const org = simulatedOrganization(entries, options.access);
  const store = memoryResultStore();
  const targets = [...entries.map((e) => e.target), ...(options.extraTargets ?? [])];
  const deps: HubDeps = {
    listTargets: () =>
      listTargets(
        { kind: 'list', json: JSON.stringify({ targets }), origin: 'the simulated organisation' },
        () => {
          throw new SimMissingRegionError(
            'the simulated organisation is listed from its files, not Organizations',
          );
        },
      ),
    otherRunningExecution: async () => undefined,
    open: (target, job) => org.open(target, job),
    store,
    configFor: orgTargetConfig,
    now: () => options.now,
    simulated: true,
  };
  return { deps, store, org };
}
