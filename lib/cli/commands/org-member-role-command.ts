// nat-optimizer org member-role: prints the member-account CloudFormation template (deploy it with a StackSet).
import type { Command } from 'commander';
import { memberRoleTemplate } from '../../domain/organization/member-role-template';
import { emit } from '../cli-context';

export function registerMemberRole(org: Command): void {
  org
    .command('member-role')
    .description('print the CloudFormation template of the member roles (one per job), for a StackSet')
    .option('--output <file>', 'write the template to this file instead of stdout')
    .action(async (options: { output?: string }) => {
      await emit(JSON.stringify(memberRoleTemplate(), null, 2), options);
    });
}
