// The member-account side of an organisation deployment: a CloudFormation template (deploy it with a StackSet to
// every account) with one role per job, each allowed only what that job does, and trusted only by the hub's
// function roles presenting the external id. Printed by `nat-optimizer org member-role`.
import { ORG_JOBS, type OrgJob } from './org-targets';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: Json;
  Condition?: Record<string, Record<string, Json>>;
}

/** A CloudFormation `Fn::Sub` string: its `\${…}` are CloudFormation's, not JavaScript's. */
const sub = (text: string) => ({ 'Fn::Sub': text });
const PARTITION = `\${AWS::Partition}`;
const ACCOUNT = `\${AWS::AccountId}`;
const HUB_ACCOUNT = `\${HubAccountId}`;
const inAccount = (service: string, resource: string) =>
  sub(`arn:${PARTITION}:${service}:*:${ACCOUNT}:${resource}`);

const READ_NETWORK: Statement = {
  Sid: 'ReadNetwork',
  Effect: 'Allow',
  Action: [
    'ec2:DescribeVpcs',
    'ec2:DescribeSubnets',
    'ec2:DescribeRouteTables',
    'ec2:DescribeNatGateways',
    'ec2:DescribeAddresses',
    'ec2:DescribeVpcEndpoints',
    'ec2:DescribePrefixLists',
  ],
  Resource: '*',
};
const READ_METRICS: Statement = {
  Sid: 'ReadNatMetrics',
  Effect: 'Allow',
  Action: 'cloudwatch:GetMetricData',
  Resource: '*',
};
const READ_PRICES: Statement = {
  Sid: 'ReadPrices',
  Effect: 'Allow',
  Action: 'pricing:GetProducts',
  Resource: '*',
};
const OWN_TAGS_ON_GATEWAYS: Statement = {
  Sid: 'WriteOwnTagsOnGateways',
  Effect: 'Allow',
  Action: 'ec2:CreateTags',
  Resource: inAccount('ec2', 'natgateway/*'),
  Condition: {
    'ForAllValues:StringLike': { 'aws:TagKeys': 'nat-optimizer:*' },
    Null: { 'aws:TagKeys': 'false' },
  },
};

/** The same rights as the single-account `schedule` function (sls/functions/schedule.yml), in every region. */
const SCHEDULE: Statement[] = [
  {
    ...READ_NETWORK,
    Action: [
      'ec2:DescribeSubnets',
      'ec2:DescribeRouteTables',
      'ec2:DescribeNatGateways',
      'ec2:DescribeAddresses',
    ],
  },
  {
    Sid: 'ReadTrafficAndAlarms',
    Effect: 'Allow',
    Action: ['cloudwatch:GetMetricData', 'cloudwatch:DescribeAlarms'],
    Resource: '*',
  },
  {
    Sid: 'DeleteOnlyScheduledGateways',
    Effect: 'Allow',
    Action: 'ec2:DeleteNatGateway',
    Resource: inAccount('ec2', 'natgateway/*'),
    Condition: { Null: { 'aws:ResourceTag/nat-optimizer:schedule': 'false' } },
  },
  {
    Sid: 'CreateOnlyManagedGateways',
    Effect: 'Allow',
    Action: 'ec2:CreateNatGateway',
    Resource: inAccount('ec2', 'natgateway/*'),
    Condition: { StringEquals: { 'aws:RequestTag/nat-optimizer:managed': 'true' } },
  },
  {
    Sid: 'CreateGatewaysInSubnetsWithKeptAddresses',
    Effect: 'Allow',
    Action: 'ec2:CreateNatGateway',
    Resource: [inAccount('ec2', 'subnet/*'), inAccount('ec2', 'elastic-ip/*')],
  },
  {
    Sid: 'TagGatewaysOnlyWhenCreating',
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: inAccount('ec2', 'natgateway/*'),
    Condition: { StringEquals: { 'ec2:CreateAction': 'CreateNatGateway' } },
  },
  {
    Sid: 'MoveDefaultRoutes',
    Effect: 'Allow',
    Action: ['ec2:ReplaceRoute', 'ec2:CreateRoute'],
    Resource: inAccount('ec2', 'route-table/*'),
  },
  {
    Sid: 'ParkRecordTagsOnAddressesAndRouteTables',
    Effect: 'Allow',
    Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
    Resource: [inAccount('ec2', 'elastic-ip/*'), inAccount('ec2', 'route-table/*')],
    // ForAllValues is true when no key is given; a DeleteTags without keys would wipe every tag.
    Condition: {
      'ForAllValues:StringLike': { 'aws:TagKeys': 'nat-optimizer:*' },
      Null: { 'aws:TagKeys': 'false' },
    },
  },
  {
    Sid: 'PutParkEvents',
    Effect: 'Allow',
    Action: 'events:PutEvents',
    Resource: sub(`arn:${PARTITION}:events:*:${ACCOUNT}:event-bus/\${EventBusName}`),
  },
];

export const MEMBER_ROLE_STATEMENTS: Record<OrgJob, Statement[]> = {
  analyze: [
    READ_NETWORK,
    { ...READ_METRICS, Action: ['cloudwatch:GetMetricData', 'cloudwatch:DescribeAlarms'] },
    READ_PRICES,
    OWN_TAGS_ON_GATEWAYS,
  ],
  schedule: SCHEDULE,
  alert: [
    READ_NETWORK,
    READ_METRICS,
    READ_PRICES,
    { ...OWN_TAGS_ON_GATEWAYS, Sid: 'RememberSentAlertsOnGateways' },
  ],
};

const LOGICAL_IDS: Record<OrgJob, string> = {
  analyze: 'AnalyzeRole',
  schedule: 'ScheduleRole',
  alert: 'AlertRole',
};

/** One hour: longer than any one target's job; the hub refreshes the credentials itself. */
const MAX_SESSION_SECONDS = 3600;

function role(job: OrgJob): Json {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: sub(`\${RolePrefix}-${job}`),
      Description: `nat-optimizer organisation hub: the ${job} job in this account`,
      MaxSessionDuration: MAX_SESSION_SECONDS,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'HubFunctionsWithExternalId',
            Effect: 'Allow',
            Principal: { AWS: sub(`arn:${PARTITION}:iam::${HUB_ACCOUNT}:root`) },
            Action: 'sts:AssumeRole',
            Condition: {
              StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } },
              ArnLike: {
                'aws:PrincipalArn': sub(`arn:${PARTITION}:iam::${HUB_ACCOUNT}:role/\${HubRolePattern}`),
              },
            },
          },
        ],
      },
      Policies: [
        {
          PolicyName: `nat-optimizer-${job}`,
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: MEMBER_ROLE_STATEMENTS[job] as unknown as Json,
          },
        },
      ],
      Tags: [{ Key: 'nat-optimizer:managed', Value: 'true' }],
    },
  };
}

export function memberRoleTemplate(): Record<string, Json> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'nat-optimizer member roles: one per job of the organisation hub, least privilege, external id required. ' +
      'StackSet-ready (parameters only, no account-specific value); needs CAPABILITY_NAMED_IAM.',
    Parameters: {
      HubAccountId: { Type: 'String', AllowedPattern: '^\\d{12}$', Description: 'account of the hub stack' },
      ExternalId: {
        Type: 'String',
        NoEcho: true,
        MinLength: 2,
        MaxLength: 1224,
        AllowedPattern: '^[\\w+=,.@:/-]+$',
        Description: 'the secret the hub sends with every AssumeRole (hub parameter orgExternalId)',
      },
      RolePrefix: { Type: 'String', Default: 'nat-optimizer-org', AllowedPattern: '^[\\w+=,.@-]{1,50}$' },
      HubRolePattern: {
        Type: 'String',
        Default: 'nat-optimizer-hub-*',
        Description: "which of the hub account's roles may assume these (the hub functions' roles)",
      },
      EventBusName: { Type: 'String', Default: 'default', Description: 'bus of the park/unpark events' },
    },
    Resources: Object.fromEntries(ORG_JOBS.map((job) => [LOGICAL_IDS[job], role(job)])),
    Outputs: Object.fromEntries(
      ORG_JOBS.map((job) => [
        `${LOGICAL_IDS[job]}Arn`,
        { Value: { 'Fn::GetAtt': [LOGICAL_IDS[job], 'Arn'] } },
      ]),
    ),
  };
}
