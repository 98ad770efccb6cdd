import 'aws-sdk-client-mock-vitest/extend';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlowLogs, ensureLogGroup } from '../../lib/aws/flow-logs';
import { FLOW_LOG_FORMAT } from '../../lib/domain/endpoints/flow-log-query';

const ec2 = mockClient(EC2Client);
const logs = mockClient(CloudWatchLogsClient);
const ec2Client = new EC2Client({ region: 'us-east-1' });
const logsClient = new CloudWatchLogsClient({ region: 'us-east-1' });
const GROUP = {
  name: '/nat-optimizer/prod/nat-flow-logs',
  retentionDays: 30,
  tags: { 'nat-optimizer:managed': 'true' },
};
const ROLE = 'arn:aws:iam::111122223333:role/nat-optimizer-flow-logs';

describe('flow-log adapters', () => {
  afterEach(() => {
    ec2.reset();
    logs.reset();
  });

  it('should create a missing log group with its tags and set its retention', async () => {
    // Prepare
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: `${GROUP.name}-old` }] });

    // Act
    const outcome = await ensureLogGroup(logsClient, GROUP);

    // Assess
    expect(outcome).toEqual({ outcome: 'created', retentionChanged: true });
    expect(logs).toHaveReceivedCommandWith(CreateLogGroupCommand, {
      logGroupName: GROUP.name,
      tags: GROUP.tags,
    });
    expect(logs).toHaveReceivedCommandWith(PutRetentionPolicyCommand, {
      logGroupName: GROUP.name,
      retentionInDays: 30,
    });
  });

  it('should leave an existing group with the right retention as it is', async () => {
    // Prepare
    logs
      .on(DescribeLogGroupsCommand)
      .resolves({ logGroups: [{ logGroupName: GROUP.name, retentionInDays: 30 }] });

    // Act
    const outcome = await ensureLogGroup(logsClient, GROUP);

    // Assess
    expect(outcome).toEqual({ outcome: 'existing', retentionChanged: false });
    expect(logs).toHaveReceivedCommandTimes(CreateLogGroupCommand, 0);
    expect(logs).toHaveReceivedCommandTimes(PutRetentionPolicyCommand, 0);
  });

  it('should log all traffic of the interfaces in the attribution format, tagged', async () => {
    // Prepare
    ec2.on(CreateFlowLogsCommand).resolves({ FlowLogIds: ['fl-1'] });

    // Act
    await createFlowLogs(ec2Client, {
      interfaceIds: ['eni-a'],
      logGroupName: GROUP.name,
      deliveryRoleArn: ROLE,
      logFormat: FLOW_LOG_FORMAT,
      tags: { 'nat-optimizer:managed': 'true' },
    });

    // Assess
    expect(ec2).toHaveReceivedCommandWith(CreateFlowLogsCommand, {
      ResourceType: 'NetworkInterface',
      ResourceIds: ['eni-a'],
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: GROUP.name,
      DeliverLogsPermissionArn: ROLE,
      LogFormat: FLOW_LOG_FORMAT,
      MaxAggregationInterval: 600,
      TagSpecifications: [
        { ResourceType: 'vpc-flow-log', Tags: [{ Key: 'nat-optimizer:managed', Value: 'true' }] },
      ],
    });
  });

  it('should report the interfaces CreateFlowLogs could not log', async () => {
    // Prepare
    ec2.on(CreateFlowLogsCommand).resolves({
      FlowLogIds: ['fl-1'],
      Unsuccessful: [
        { ResourceId: 'eni-b', Error: { Code: 'FlowLogAlreadyExists', Message: 'existing flow log' } },
      ],
    });

    // Act
    const result = await createFlowLogs(ec2Client, {
      interfaceIds: ['eni-a', 'eni-b'],
      logGroupName: GROUP.name,
      deliveryRoleArn: ROLE,
      logFormat: FLOW_LOG_FORMAT,
      tags: {},
    });

    // Assess
    expect(result).toEqual({
      created: ['eni-a'],
      flowLogIds: ['fl-1'],
      failed: [{ resourceId: 'eni-b', error: 'FlowLogAlreadyExists: existing flow log' }],
    });
  });
});
