// Every --format a command's help lists is one it prints, and it refuses the others; failover --recheck
// follows --format; the profile's region stands in for --region; progress stays off pipes.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../../lib/cli/main';
import { terminalProgress } from '../../../lib/cli/terminal-progress';
import { configWith } from '../../../lib/config';
import { simRuntime } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../../../lib/sim/simulated-account';
import { replaySchedule } from '../../../lib/use-cases/scheduler/schedule-replay';
import { EXAMPLE_ACCOUNT, exampleSnapshot } from '../../fixtures/analysis-account';
import { runCli } from '../../fixtures/cli-run';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const BAD_INPUT = 2;
const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

/** An organisation of one: the example account, for the org commands. */
const ORG_DIR = join(tmpdir(), `nat-optimizer-formats-org-${process.pid}`);

beforeAll(async () => {
  await mkdir(ORG_DIR, { recursive: true });
  await copyFile(EXAMPLE_ACCOUNT, join(ORG_DIR, 'example.json'));
});

/** Arguments that make each command with --format run on the example account. */
const RUNNABLE: Record<string, string[]> = {
  'org analyze': ['org', 'analyze', '--snapshot-dir', ORG_DIR],
  'org schedule': ['org', 'schedule', '--snapshot-dir', ORG_DIR, '--at', '2026-11-16T08:00:00Z'],
  'org alert': ['org', 'alert', '--snapshot-dir', ORG_DIR],
  analyze: ['analyze', '--snapshot', EXAMPLE_ACCOUNT],
  alert: ['alert', '--snapshot', EXAMPLE_ACCOUNT],
  failover: ['failover', '--snapshot', EXAMPLE_ACCOUNT, '--event', `${ROOT}events/failover-alarm.json`],
  'alarms sync': ['alarms', 'sync', '--snapshot', EXAMPLE_ACCOUNT],
  schedule: ['schedule', '--snapshot', EXAMPLE_ACCOUNT, '--at', '2026-11-16T08:00:00Z'],
  endpoints: ['endpoints', '--snapshot', EXAMPLE_ACCOUNT, '--vpc', 'vpc-a9afb1aa2ffccdfd9'],
  'flow-logs setup': ['flow-logs', 'setup', '--snapshot', EXAMPLE_ACCOUNT],
  demo: ['demo'],
};
const ALL_FORMATS = ['table', 'json', 'md', 'html'];

/** Every command (subcommands by their full name) and the formats its --format help lists. */
function listedFormats(): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  const visit = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      const name = `${prefix}${sub.name()}`;
      const format = sub.options.find((o) => o.long === '--format');
      if (format) found.push([name, format.description.split(' | ')]);
      visit(sub, `${name} `);
    }
  };
  visit(buildProgram(), '');
  return found;
}

function looksLike(format: string, stdout: string): boolean {
  if (format === 'json') return typeof JSON.parse(stdout) === 'object';
  if (format === 'html') return stdout.startsWith('<!doctype html>') && stdout.trimEnd().endsWith('</html>');
  if (format === 'md') return /^#|\n#|\|/.test(stdout);
  return stdout.trim() !== '' && !stdout.trimStart().startsWith('{') && !stdout.includes('<html');
}

describe('--format', () => {
  it('should be covered here for every command that takes it', () => {
    expect(
      listedFormats()
        .map(([name]) => name)
        .sort(),
    ).toEqual(Object.keys(RUNNABLE).sort());
  });

  for (const [name, formats] of listedFormats()) {
    it.each(formats)(`${name}: should print the listed format %s`, async (format) => {
      // Act
      const result = await runCli([...(RUNNABLE[name] ?? []), '--format', format]);

      // Assess
      expect(result.stderr).not.toContain('--format');
      expect(result.code).not.toBe(BAD_INPUT);
      expect(looksLike(format, result.stdout)).toBe(true);
    });

    const unlisted = ALL_FORMATS.filter((f) => !formats.includes(f));
    if (unlisted.length > 0) {
      it.each(unlisted)(
        `${name}: should refuse the unlisted format %s, naming the ones it prints`,
        async (format) => {
          // Act
          const result = await runCli([...(RUNNABLE[name] ?? []), '--format', format]);

          // Assess
          expect(result.code).toBe(BAD_INPUT);
          expect(result.stderr).toContain(
            `nat-optimizer: --format must be ${formats.slice(0, -1).join(', ')}`,
          );
          expect(result.stdout).toBe('');
        },
      );
    }
  }
});

describe('failover --recheck', () => {
  it('should print a table by default and JSON with --json', async () => {
    // Act
    const table = await runCli(['failover', '--recheck', '--snapshot', EXAMPLE_ACCOUNT]);
    const json = await runCli(['failover', '--recheck', '--snapshot', EXAMPLE_ACCOUNT, '--json']);

    // Assess
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Failover recheck at /);
    expect(table.stdout).toContain('Alarms:');
    expect(JSON.parse(json.stdout)).toHaveProperty('routesMoved');
  });
});

describe('the region without --region', () => {
  it.each([
    ['--profile', (profile: string) => ['--profile', profile], {}],
    ['AWS_PROFILE', () => [], { AWS_PROFILE: 'far' }],
  ])(
    'should be the region of the profile named by %s, read from the shared config file',
    async (_how, flags, env) => {
      // Prepare: a region without a built-in price stops the run before any AWS call, naming the region.
      const dir = await mkdtemp(join(tmpdir(), 'nat-optimizer-profile-'));
      await writeFile(
        join(dir, 'config'),
        '[default]\nregion = us-east-1\n\n[profile far]\nregion = xx-remote-7\n',
      );
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config') }, env);

      // Act
      const result = await runCli(['analyze', ...flags('far')]);

      // Assess
      expect(result.code).toBe(BAD_INPUT);
      expect(result.stderr).toContain('No NAT gateway price is known for region xx-remote-7');
    },
  );

  it('should name the ways to set one when no source has a region', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'nat-optimizer-profile-'));
    await writeFile(join(dir, 'config'), '[profile empty]\noutput = json\n');
    delete process.env.AWS_REGION;
    process.env.AWS_CONFIG_FILE = join(dir, 'config');

    // Act
    const result = await runCli(['analyze', '--profile', 'empty']);

    // Assess
    expect(result.code).toBe(BAD_INPUT);
    expect(result.stderr).toContain(
      'nat-optimizer: no region: pass --region, set AWS_REGION, or set region in the "empty" profile',
    );
  });
});

describe('progress', () => {
  function stream(isTTY: boolean) {
    const written: string[] = [];
    const fake = {
      isTTY,
      write: (chunk: string) => {
        written.push(chunk);
        return true;
      },
    };
    return { fake, written };
  }

  it('should show a long replay step by step on a terminal, in plain text', async () => {
    // Prepare
    const { fake, written } = stream(true);
    const progress = terminalProgress(Object.assign(Object.create(process.stderr), fake));
    const account = createSimulatedAccount(await exampleSnapshot());
    const from = account.sim.now();

    // Act
    await replaySchedule(
      simRuntime(account, progress),
      configWith('scheduleReplay', { AWS_REGION: 'us-east-1' }),
      { set: (at) => account.sim.setClock(at) },
      { from, to: new Date(from.getTime() + 2 * 3_600_000), stepMinutes: 15 },
    );

    // Assess
    const text = written.join('');
    expect(text).toContain('[0/8] replaying the scheduler at 2026-11-16T00:00:00Z');
    expect(text).toContain('[7/8] replaying the scheduler at 2026-11-16T01:45:00Z');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences must not appear.
    expect(text).not.toMatch(/\u001b/);
  });

  it('should write nothing when stderr is not a terminal', () => {
    // Prepare
    const { fake, written } = stream(false);

    // Act
    const progress = terminalProgress(Object.assign(Object.create(process.stderr), fake));
    progress.update('working', 1, 2);
    progress.done();

    // Assess
    expect(written).toEqual([]);
  });
});

describe('scripts/generate-account.ts --help', () => {
  it('should print its usage and exit 0', async () => {
    // Act
    const { stdout } = await run(
      process.execPath,
      [`${ROOT}node_modules/tsx/dist/cli.mjs`, 'scripts/generate-account.ts', '--help'],
      {
        cwd: ROOT,
      },
    );

    // Assess
    expect(stdout).toContain('Usage: npx tsx scripts/generate-account.ts --gateways N');
    expect(stdout).toContain('--out FILE');
  });
});
