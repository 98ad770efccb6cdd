// The options every command shares (Contract 3).
import type { Command } from 'commander';

export function withCommonOptions(command: Command): Command {
  return command
    .option('--snapshot <file>', 'run on this account snapshot (a simulated account) instead of AWS')
    .option('--write-snapshot <file>', 'with --snapshot: write the account state after the command')
    .option('--json', 'print JSON (same as --format json)')
    .option('--format <format>', 'table | json | md | html', 'table')
    .option('--output <file>', 'write the output to this file instead of stdout')
    .option('--region <region>', 'AWS region (default: AWS_REGION)')
    .option('--profile <profile>', 'AWS shared-config profile')
    .option('--apply', 'on a real account: carry out changes (default: read-only, print the plan)');
}
