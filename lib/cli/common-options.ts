// The options every command shares (Contract 3); each command lists only the formats it prints.
import type { Command } from 'commander';

export const OUTPUT_FORMATS = ['table', 'json', 'md', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Commands that print a table or JSON: most of them. */
export const TABLE_OR_JSON: readonly OutputFormat[] = ['table', 'json'];

export function withCommonOptions(command: Command, formats: readonly OutputFormat[]): Command {
  const withJson = formats.includes('json')
    ? command.option('--json', 'print JSON (same as --format json)')
    : command;
  return withJson
    .option('--snapshot <file>', 'run on this account snapshot (a simulated account) instead of AWS')
    .option('--write-snapshot <file>', 'with --snapshot: write the account state after the command')
    .option('--format <format>', formats.join(' | '), 'table')
    .option('--output <file>', 'write the output to this file instead of stdout')
    .option('--region <region>', "AWS region (default: AWS_REGION, then the profile's region)")
    .option('--profile <profile>', 'AWS shared-config profile (default: AWS_PROFILE)')
    .option('--apply', 'on a real account: carry out changes (default: read-only, print the plan)');
}
