// Member roles through STS: the external id on every AssumeRole, one assumption per account and job for a run
// (shared by every region and client), and STS's refusal as the reason.
import { describe, expect, it } from 'vitest';
import { memberRuntimes } from '../../lib/aws/member-runtime';
import { simulatedSts } from '../../lib/sim/sim-sts';

function access(externalId: string) {
  const sts = simulatedSts({
    accountIds: new Set(['111111111111']),
    roleNames: new Set(['nat-optimizer-org-analyze']),
    externalId: 'the-secret',
    now: () => new Date(),
  });
  const members = memberRuntimes({
    rolePrefix: 'nat-optimizer-org',
    externalId,
    hubRegion: 'us-east-1',
    maxAttempts: 2,
    apply: false,
    stsPlugins: [sts.plugin],
  });
  return { sts, members };
}

describe('memberRuntimes', () => {
  it('should assume the role once for both regions of an account and sign with its credentials', async () => {
    // Prepare
    const { sts, members } = access('the-secret');

    // Act
    const east = await members.open({ accountId: '111111111111', region: 'us-east-1' }, 'analyze');
    const west = await members.open({ accountId: '111111111111', region: 'eu-west-1' }, 'analyze');
    const credentials = await east.clients.ec2.config.credentials();

    // Assess
    expect(sts.calls).toBe(1);
    expect(members.roles).toBe(1);
    expect(credentials.accessKeyId).toBe('ASIASIM111111111111');
    expect(west.runtime.region).toBe('eu-west-1');
    expect(east.runtime.apply).toBe(false);
  });

  it('should fail with STS AccessDenied when the external id is wrong, before any other call', async () => {
    // Prepare
    const { members } = access('a-guess');

    // Act
    const opened = members.open({ accountId: '111111111111', region: 'us-east-1' }, 'analyze');

    // Assess
    await expect(opened).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining(
        'sts:AssumeRole on resource: arn:aws:iam::111111111111:role/nat-optimizer-org-analyze',
      ),
    });
  });

  it('should refuse a role of another job (least privilege per job)', async () => {
    const { members } = access('the-secret');
    await expect(
      members.open({ accountId: '111111111111', region: 'us-east-1' }, 'schedule'),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});
