import { CreateTagsCommand, DeleteTagsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTags, TagWriteError, writeTags } from '../../lib/aws/tags';

const ec2Mock = mockClient(EC2Client);
const ec2 = new EC2Client({ region: 'us-east-1' });

function gatewayIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `nat-${String(i).padStart(17, '0')}`);
}

describe('writeTags', () => {
  beforeEach(() => {
    ec2Mock.on(CreateTagsCommand).resolves({});
  });

  afterEach(() => {
    ec2Mock.reset();
  });

  it('should write every key and value in one CreateTags call', async () => {
    // Act
    await writeTags(ec2, ['nat-1'], {
      'nat-optimizer:monthly-cost': '32.85',
      'nat-optimizer:findings': 'IDLE',
    });

    // Assess
    expect(ec2Mock).toHaveReceivedCommandExactlyOnceWith(CreateTagsCommand, {
      Resources: ['nat-1'],
      Tags: [
        { Key: 'nat-optimizer:monthly-cost', Value: '32.85' },
        { Key: 'nat-optimizer:findings', Value: 'IDLE' },
      ],
    });
  });

  it('should split 2,500 resources into CreateTags calls of at most 1,000', async () => {
    // Act
    await writeTags(ec2, gatewayIds(2500), { 'nat-optimizer:findings': 'none' });

    // Assess
    const sizes = ec2Mock.commandCalls(CreateTagsCommand).map((call) => call.args[0].input.Resources?.length);
    expect(sizes).toEqual([1000, 1000, 500]);
  });

  it('should send nothing when there is no tag to write', async () => {
    // Act
    await writeTags(ec2, ['nat-1'], {});

    // Assess
    expect(ec2Mock).not.toHaveReceivedAnyCommand();
  });
});

describe('removeTags', () => {
  beforeEach(() => {
    ec2Mock.on(DeleteTagsCommand).resolves({});
  });

  afterEach(() => {
    ec2Mock.reset();
  });

  it('should delete exactly the given keys, without values, so any value goes', async () => {
    // Act
    await removeTags(ec2, ['rtb-1'], ['nat-optimizer:parked-gateway']);

    // Assess
    expect(ec2Mock).toHaveReceivedCommandExactlyOnceWith(DeleteTagsCommand, {
      Resources: ['rtb-1'],
      Tags: [{ Key: 'nat-optimizer:parked-gateway' }],
    });
  });

  it('should never send DeleteTags without Tags when no key is given', async () => {
    // Act
    await removeTags(ec2, ['rtb-1'], []);

    // Assess
    expect(ec2Mock).not.toHaveReceivedCommand(DeleteTagsCommand);
  });

  it('should refuse an empty key before calling EC2', async () => {
    // Act
    const removing = removeTags(ec2, ['rtb-1'], ['nat-optimizer:failover-to', ' ']);

    // Assess
    await expect(removing).rejects.toThrow(TagWriteError);
    expect(ec2Mock).not.toHaveReceivedCommand(DeleteTagsCommand);
  });

  it('should split 1,001 resources into two DeleteTags calls, each naming the keys', async () => {
    // Act
    await removeTags(ec2, gatewayIds(1001), ['nat-optimizer:failover-from']);

    // Assess
    const inputs = ec2Mock.commandCalls(DeleteTagsCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => input.Resources?.length)).toEqual([1000, 1]);
    expect(inputs.every((input) => input.Tags?.length === 1)).toBe(true);
  });
});
