// nat-optimizer: exit 0 done, 1 failed, 2 bad input.
import { Command, CommanderError } from 'commander';
import { isBadInput } from '../errors';
import { registerAlert } from './commands/alert-command';
import { registerAnalyze } from './commands/analyze-command';
import { registerDemo } from './commands/demo-command';
import { registerEndpointCommands } from './commands/endpoints-command';
import { registerFailover } from './commands/failover-command';
import { registerOrg } from './commands/org-command';
import { registerSchedule } from './commands/schedule-command';

export const EXIT = { done: 0, failed: 1, badInput: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('nat-optimizer')
    .description('Cut NAT gateway costs: analysis, off-hours parking, failover and cost alerts')
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
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`nat-optimizer: ${message}\n`);
    return isBadInput(error) ? EXIT.badInput : EXIT.failed;
  }
}
