// Every command the README and docs/local-invoke.md show, run as written: taken from their `sh` blocks, so a
// command added to the docs is run here too. Offline commands must succeed; commands for a real account run
// against a closed loopback port with fake credentials and must get as far as calling AWS; the few that only make
// sense on AWS (or are this test run) are listed below with the reason, and anything else fails the test.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const DOCS = ['README.md', 'docs/local-invoke.md'];
const BAD_INPUT = 2;
const FAILED = 1;
const COMMAND_TIMEOUT_MS = 240_000;
/** Commands this test does not run, and why; each must still appear in the docs (the list cannot go stale). */
const NOT_RUN: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /^npm ci$/, why: 'installs node_modules: it ran before this test' },
  { pattern: /^npm test$/, why: 'is this test run' },
  { pattern: /^npx serverless deploy /, why: 'deploys a stack to a real AWS account' },
  { pattern: /^npx serverless invoke --stage /, why: 'invokes the deployed function on AWS' },
];

/** What some commands must print, beyond exiting 0: the outcome the docs describe. */
const EXPECTED_OUTPUT: ReadonlyArray<{ pattern: RegExp; output: string }> = [
  { pattern: /^npm run demo$/, output: '━━ Failover drill' },
  { pattern: /example-account\.json +npx serverless invoke local -f analyze /, output: '"gateways": 7' },
  { pattern: /account-100\.json +npx serverless invoke local -f analyze /, output: '"gateways": 100' },
  { pattern: /invoke local -f schedule /, output: '"park nat-7180befc6423033bd: done"' },
  { pattern: /invoke local -f costAlert /, output: '"date": "2026-11-15"' },
  {
    pattern: /invoke local -f failover --path events\/failover-alarm\.json/,
    output: '"outcome": "failover"',
  },
  { pattern: /invoke local -f failover --path events\/failover-ok\.json/, output: '"outcome": "failback"' },
];

interface DocCommand {
  doc: string;
  command: string;
}

/** The commands of a Markdown file's `sh` blocks: continuation lines joined, `a && b` split into two. */
function shellCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .flatMap((line) => line.split(' && ').map((part) => part.trim())),
  );
}

const commands: DocCommand[] = DOCS.flatMap((doc) =>
  shellCommands(readFileSync(join(ROOT, doc), 'utf8')).map((command) => ({ doc, command })),
);

function notRun(command: string) {
  return NOT_RUN.find((entry) => entry.pattern.test(command));
}

/** The CLI without --snapshot works on a real account. */
function forRealAccount(command: string): boolean {
  return /(npm run --silent cli --|nat-optimizer) /.test(command) && !command.includes('--snapshot');
}

let realAccountEnv: NodeJS.ProcessEnv;

/** A port that was just free and is closed now: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function shell(command: string, env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run('bash', ['-c', command], {
      cwd: ROOT,
      env,
      timeout: COMMAND_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    // execFile rejects with the exit code and both outputs on the error.
    const field = (name: string): unknown =>
      typeof error === 'object' && error !== null && name in error ? Reflect.get(error, name) : undefined;
    const code = field('code');
    const stdout = field('stdout');
    const stderr = field('stderr');
    return {
      code: typeof code === 'number' ? code : -1,
      stdout: typeof stdout === 'string' ? stdout : '',
      stderr: typeof stderr === 'string' ? stderr : String(error),
    };
  }
}

async function untrackedFiles(): Promise<string[]> {
  const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT });
  return stdout.split('\n').filter((line) => line.startsWith('??'));
}

let untrackedBefore: string[];

beforeAll(async () => {
  untrackedBefore = await untrackedFiles();
  const dir = await mkdtemp(join(tmpdir(), 'nat-optimizer-docs-'));
  await writeFile(
    join(dir, 'credentials'),
    '[prod]\naws_access_key_id = AKIADOCSTEST00000000\naws_secret_access_key = docs-test\n',
  );
  await writeFile(join(dir, 'config'), '[profile prod]\nregion = eu-west-1\n');
  realAccountEnv = {
    ...process.env,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_ENDPOINT_URL: `http://127.0.0.1:${await closedPort()}`,
    NAT_OPTIMIZER_MAX_ATTEMPTS: '1',
  };
  delete realAccountEnv.AWS_ACCESS_KEY_ID;
  delete realAccountEnv.AWS_SECRET_ACCESS_KEY;
  delete realAccountEnv.AWS_SESSION_TOKEN;
});

describe('the commands in the docs', () => {
  it('should be found, and every one this test does not run be listed with its reason', () => {
    expect(commands.length).toBeGreaterThan(10);
    for (const entry of [...NOT_RUN, ...EXPECTED_OUTPUT])
      expect(commands.some((c) => entry.pattern.test(c.command))).toBe(true);
  });

  for (const { doc, command } of commands) {
    const skipped = notRun(command);
    if (skipped) continue;
    if (forRealAccount(command)) {
      it(
        `${doc}: ${command} should reach AWS (here a closed port) without a bad-input error`,
        async () => {
          // Act
          const result = await shell(command, realAccountEnv);

          // Assess
          expect(result.code).toBe(FAILED);
          expect(result.code).not.toBe(BAD_INPUT);
          expect(result.stderr).toMatch(/^nat-optimizer: /m);
          expect(result.stderr).toMatch(/ECONNREFUSED|connect/);
        },
        COMMAND_TIMEOUT_MS,
      );
    } else {
      it(
        `${doc}: ${command} should succeed`,
        async () => {
          // Act
          const result = await shell(command, process.env);

          // Assess
          expect(result.stderr.slice(-2000)).not.toMatch(/\bError:/);
          expect(result.code).toBe(0);
        },
        COMMAND_TIMEOUT_MS,
      );
    }
  }

  it('should leave no new file in the checkout (outputs go to /tmp)', async () => {
    expect(await untrackedFiles()).toEqual(untrackedBefore);
  });
});
