// nat-optimizer: exit 0 done, 1 failed, 2 bad input. Every message it prints itself reads
// "nat-optimizer: <what is wrong>", without the names of error classes.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { describeError, isBadInput } from '../errors';
import { registerAlert } from './commands/alert-command';
import { registerAnalyze } from './commands/analyze-command';
import { registerDemo } from './commands/demo-command';
import { registerEndpointCommands } from './commands/endpoints-command';
import { registerFailover } from './commands/failover-command';
import { registerOrg } from './commands/org-command';
import { registerSchedule } from './commands/schedule-command';

export const EXIT = { done: 0, failed: 1, badInput: 2 } as const;

/** The version in package.json, which `--version` prints. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  const version =
    typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

/** Commander's own messages ("error: unknown option '--x'") in the same form as ours. */
function commanderMessage(text: string): string {
  return `nat-optimizer: ${text.replace(/^error: /, '')}`;
}

export function buildProgram(): Command {
  const program = new Command('nat-optimizer')
    .description('Cut NAT gateway costs: analysis, off-hours parking, failover and cost alerts')
    .version(packageVersion(), '-V, --version', 'print the version')
    .configureOutput({ outputError: (text, write) => write(commanderMessage(text)) })
    .exitOverride()
    .showHelpAfterError(false);
  registerAnalyze(program);
  registerAlert(program);
  registerFailover(program);
  registerSchedule(program);
  registerEndpointCommands(program);
  registerDemo(program);
  registerOrg(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return EXIT.done;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.done; // --help, --version
      return EXIT.badInput;
    }
    process.stderr.write(`nat-optimizer: ${describeError(error)}\n`);
    return isBadInput(error) ? EXIT.badInput : EXIT.failed;
  }
}
