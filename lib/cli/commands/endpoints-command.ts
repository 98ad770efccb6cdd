// nat-optimizer endpoints: plan (and with --apply create) S3/DynamoDB gateway endpoints for one VPC.
// nat-optimizer flow-logs setup: the flow logs on NAT gateway interfaces that measure what endpoints would save.
// Both change things only with --apply, on a snapshot too: an endpoint changes how requests reach S3 and
// DynamoDB, and flow logs cost money, so the default is always the plan.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isRoleArn, LOG_RETENTION_DAYS, stackFlowLogGroup } from '../../config/endpoints-config';
import { GATEWAY_ENDPOINT_SERVICES, type GatewayEndpointService } from '../../domain/endpoints/endpoint-plan';
import { parseEndpointPolicy } from '../../domain/endpoints/endpoint-policy';
import { BadInputError } from '../../errors';
import { renderEndpointsMarkdown } from '../../report/endpoints-markdown';
import { renderEndpointsTable, renderFlowLogSetupTable } from '../../report/endpoints-table';
import { runEndpoints } from '../../use-cases/endpoints/endpoints';
import { configuredAttribution } from '../../use-cases/endpoints/flow-log-attribution';
import { runFlowLogSetup } from '../../use-cases/endpoints/flow-log-setup';
import { type CommonOptions, emit, openContext, outputFormat } from '../cli-context';
import { type OutputFormat, TABLE_OR_JSON, withCommonOptions } from '../common-options';

const ENDPOINTS_FORMATS: readonly OutputFormat[] = ['table', 'json', 'md'];

interface EndpointsOptions extends CommonOptions {
  vpc: string;
  policy?: string;
  extendExisting?: boolean;
  service?: string[];
}

interface SetupOptions extends CommonOptions {
  vpc?: string[];
  logGroup?: string;
  roleArn?: string;
  stage: string;
  retentionDays?: string;
}

const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;

function vpcId(text: string): string {
  if (!VPC_ID.test(text))
    throw new BadInputError(`--vpc must be a VPC id such as vpc-0abc12345def67890, got "${text}"`);
  return text;
}

function services(names: readonly string[] | undefined): GatewayEndpointService[] | undefined {
  if (!names) return undefined;
  return names.map((name) => {
    const service = GATEWAY_ENDPOINT_SERVICES.find((s) => s === name.toLowerCase());
    if (!service) throw new BadInputError(`--service must be s3 or dynamodb, got "${name}"`);
    return service;
  });
}

async function policyFile(path: string | undefined): Promise<string | undefined> {
  if (!path) return undefined;
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BadInputError(`cannot read --policy ${path}: ${error.code ?? error.message}`);
  });
  return parseEndpointPolicy(text, path);
}

function retentionDays(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const days = Number(text);
  if (!LOG_RETENTION_DAYS.some((allowed) => allowed === days)) {
    throw new BadInputError(
      `--retention-days must be one of ${LOG_RETENTION_DAYS.join(', ')}, got "${text}"`,
    );
  }
  return days;
}

function registerEndpoints(program: Command): void {
  withCommonOptions(
    program
      .command('endpoints')
      .description('plan, and with --apply create, the missing S3/DynamoDB gateway endpoints of a VPC')
      .requiredOption('--vpc <id>', 'the VPC')
      .option(
        '--policy <file>',
        'endpoint policy JSON for new endpoints (default: this account/organisation only)',
      )
      .option('--extend-existing', 'add missing NAT-routed route tables to an existing endpoint')
      .option('--service <name...>', 's3 and/or dynamodb (default: both)'),
    ENDPOINTS_FORMATS,
  ).action(async (options: EndpointsOptions) => {
    const format = outputFormat(options, ENDPOINTS_FORMATS);
    const request = {
      vpcId: vpcId(options.vpc),
      extendExisting: options.extendExisting === true,
      ...(await policyFile(options.policy).then((doc) => (doc ? { policyDocument: doc } : {}))),
      ...(options.service ? { services: services(options.service) } : {}),
    };
    const context = await openContext(options, 'endpoints');
    const runtime = { ...context.runtime, apply: options.apply === true };
    const attribution = context.sim ? context.attribution : configuredAttribution(runtime, context.config);
    const result = await runEndpoints(runtime, context.config, attribution, request);
    const text =
      format === 'json'
        ? JSON.stringify(result, null, 2)
        : format === 'md'
          ? renderEndpointsMarkdown(result)
          : renderEndpointsTable(result);
    await emit(text, options);
    await context.finish();
  });
}

function registerFlowLogs(program: Command): void {
  const flowLogs = program
    .command('flow-logs')
    .description('VPC flow logs on NAT gateways, which measure their S3/DynamoDB traffic');
  withCommonOptions(
    flowLogs
      .command('setup')
      .description('plan, and with --apply create, a flow log on each NAT gateway network interface')
      .option('--vpc <id...>', 'only the NAT gateways of these VPCs')
      .option('--stage <stage>', 'the deployed stack whose log group receives the flow logs', 'dev')
      .option(
        '--log-group <name>',
        `log group (default: NAT_OPTIMIZER_FLOW_LOG_GROUP, else the stack's ${stackFlowLogGroup('<stage>')})`,
      )
      .option(
        '--role-arn <arn>',
        'role VPC Flow Logs assumes to write (default: NAT_OPTIMIZER_FLOW_LOG_ROLE_ARN)',
      )
      .option(
        '--retention-days <days>',
        'log group retention (default: NAT_OPTIMIZER_FLOW_LOG_RETENTION_DAYS)',
      ),
    TABLE_OR_JSON,
  ).action(async (options: SetupOptions) => {
    const format = outputFormat(options, TABLE_OR_JSON);
    const context = await openContext(options, 'endpoints');
    const { endpoints } = context.config;
    if (!/^[A-Za-z0-9-]{1,64}$/.test(options.stage)) {
      throw new BadInputError(`--stage must be a stage name such as prod, got "${options.stage}"`);
    }
    if (options.roleArn && !isRoleArn(options.roleArn)) {
      throw new BadInputError(`--role-arn must be an IAM role ARN, got "${options.roleArn}"`);
    }
    const roleArn = options.roleArn ?? endpoints.flowLogRoleArn;
    const result = await runFlowLogSetup(
      { ...context.runtime, apply: options.apply === true },
      {
        logGroupName: options.logGroup ?? endpoints.flowLogGroupName ?? stackFlowLogGroup(options.stage),
        ...(roleArn ? { deliveryRoleArn: roleArn } : {}),
        retentionDays: retentionDays(options.retentionDays, endpoints.flowLogRetentionDays),
        ...(options.vpc ? { vpcIds: options.vpc.map(vpcId) } : {}),
      },
    );
    await emit(
      format === 'json' ? JSON.stringify(result, null, 2) : renderFlowLogSetupTable(result),
      options,
    );
    await context.finish();
  });
}

export function registerEndpointCommands(program: Command): void {
  registerEndpoints(program);
  registerFlowLogs(program);
}
