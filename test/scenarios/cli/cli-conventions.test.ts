// The command line follows the usual conventions: --version, NO_COLOR / FORCE_COLOR, the terminal's width,
// "nat-optimizer: <what is wrong>" without class names, and only the formats a command lists.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_ACCOUNT } from '../../fixtures/analysis-account';
import { runCli } from '../../fixtures/cli-run';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
// biome-ignore lint/suspicious/noControlCharactersInRegex: an escape sequence is what must not appear.
const ESCAPE = /\u001b\[/;
/** "BadInputError:", "TypeError:" and the like: the name of a class, which means nothing to a user. */
const CLASS_NAME = /\b[A-Z]\w*Error:/;
const BAD_INPUT = 2;
const saved = { ...process.env };
const stdoutTty = { isTTY: process.stdout.isTTY, columns: process.stdout.columns };

afterEach(() => {
  process.env = { ...saved };
  process.stdout.isTTY = stdoutTty.isTTY;
  process.stdout.columns = stdoutTty.columns;
});

/** As if stdout were a terminal of `columns` columns. */
function onTerminal(columns: number): void {
  process.stdout.isTTY = true;
  process.stdout.columns = columns;
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const parsed: { version?: unknown } = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8'));
  return String(parsed.version);
}

describe('nat-optimizer --version', () => {
  it('should print the version of package.json', async () => {
    // Act
    const result = await runCli(['--version']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(await packageVersion());
  });
});

describe('colour', () => {
  it('should colour the table on a terminal', async () => {
    // Prepare
    onTerminal(100);
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;

    // Act
    const result = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT]);

    // Assess
    expect(result.stdout).toMatch(ESCAPE);
  });

  it('should print no escape codes on a terminal when NO_COLOR is set', async () => {
    // Prepare
    onTerminal(100);
    process.env.NO_COLOR = '1';

    // Act
    const result = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('could be saved');
    expect(result.stdout).not.toMatch(ESCAPE);
  });

  it('should colour a pipe when FORCE_COLOR is set, and nothing when it is 0', async () => {
    // Prepare
    process.env.FORCE_COLOR = '1';

    // Act
    const forced = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT]);
    process.env.FORCE_COLOR = '0';
    onTerminal(100);
    const off = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT]);

    // Assess
    expect(forced.stdout).toMatch(ESCAPE);
    expect(off.stdout).not.toMatch(ESCAPE);
  });

  it('should print no escape codes from the real command on a real terminal with NO_COLOR=1', async () => {
    // Prepare: `script` gives the command a pseudo-terminal, so only NO_COLOR can keep the colours out.
    const command = `node bin/nat-optimizer.mjs analyze --snapshot ${EXAMPLE_ACCOUNT}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    delete env.FORCE_COLOR;

    // Act
    const coloured = await run('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env });
    const plain = await run('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...env, NO_COLOR: '1' },
    });

    // Assess
    expect(coloured.stdout).toMatch(ESCAPE);
    expect(plain.stdout).toContain('could be saved');
    expect(plain.stdout).not.toMatch(ESCAPE);
  });
});

describe('terminal width', () => {
  it.each([72, 130])('should fit a terminal of %i columns', async (columns) => {
    // Prepare
    onTerminal(columns);
    process.env.NO_COLOR = '1';

    // Act
    const result = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT]);

    // Assess
    const widest = Math.max(...result.stdout.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(columns);
    expect(widest).toBeGreaterThan(columns - 20);
  });

  it('should use 100 columns when stdout is not a terminal', async () => {
    // Act
    const result = await runCli(['analyze', '--snapshot', EXAMPLE_ACCOUNT]);

    // Assess
    const widest = Math.max(...result.stdout.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(widest).toBeGreaterThan(90);
  });
});

describe('error messages', () => {
  it.each([
    [['analyze', '--snapshot', '/nonexistent/snapshot.json'], 'cannot read snapshot'],
    [['analyze', '--bogus'], "unknown option '--bogus'"],
    [['analyze', '--snapshot', EXAMPLE_ACCOUNT, '--top', 'many'], '--top must be a whole number'],
    [['schedule', '--snapshot', EXAMPLE_ACCOUNT, '--at', 'tomorrow'], '--at must be an ISO-8601 instant'],
    [['nonsense'], "unknown command 'nonsense'"],
  ])('should say what is wrong after "nat-optimizer:" without a class name (%j)', async (args, what) => {
    // Act
    const result = await runCli(args);

    // Assess
    expect(result.code).toBe(BAD_INPUT);
    expect(result.stderr.startsWith('nat-optimizer: ')).toBe(true);
    expect(result.stderr).toContain(what);
    expect(result.stderr).not.toMatch(CLASS_NAME);
  });
});
