// Contract: the simulated account throttles EC2 like AWS, one token bucket per action on its own clock, and the
// client's pacer keeps our own calls within those buckets.
import { CreateTagsCommand, DescribeRouteTablesCommand, ReplaceRouteCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createClients } from '../../../lib/aws/clients';
import { createSimulatedAccount, type SimulatedAccount } from '../../../lib/sim/simulated-account';
import { loadSnapshotFile } from '../../../lib/sim/snapshot-load';
import { EXAMPLE, EXAMPLE_ACCOUNT_PATH } from './sim-ec2-fixture';

const MUTATING_BUCKET = 50;
const REFILL_INTERVAL_MS = 200;

function replace(): ReplaceRouteCommand {
  return new ReplaceRouteCommand({
    RouteTableId: EXAMPLE.prodPrivateTableB,
    DestinationCidrBlock: '0.0.0.0/0',
    NatGatewayId: EXAMPLE.prodNatB,
  });
}

/** Clients that answer from the account but do not pace themselves: what another tool in the account would do. */
function unpacedClients(account: SimulatedAccount) {
  const clients = createClients({
    region: account.sim.state.region,
    maxAttempts: 1,
    credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'SIMULATED' },
    ec2Pacing: 'off',
  });
  account.sim.attach(clients, { pace: false });
  return clients;
}

describe('simulated EC2: request throttling', () => {
  it('should answer RequestLimitExceeded once an action has used its bucket of 50', async () => {
    // Prepare
    const account = createSimulatedAccount(await loadSnapshotFile(EXAMPLE_ACCOUNT_PATH));
    const clients = unpacedClients(account);

    // Act
    const answers = await Promise.allSettled(
      Array.from({ length: MUTATING_BUCKET + 1 }, () => clients.ec2.send(replace())),
    );

    // Assess
    const refused = answers.filter((a) => a.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      reason: { name: 'RequestLimitExceeded', $metadata: { httpStatusCode: 503 } },
    });
    expect(account.sim.ec2Throttle.refused).toBe(1);
  });

  it('should refill the bucket on the simulated clock', async () => {
    // Prepare
    const account = createSimulatedAccount(await loadSnapshotFile(EXAMPLE_ACCOUNT_PATH));
    const clients = unpacedClients(account);
    await Promise.all(Array.from({ length: MUTATING_BUCKET }, () => clients.ec2.send(replace())));

    // Act
    account.sim.advance(REFILL_INTERVAL_MS / 1000);
    const afterRefill = await clients.ec2.send(replace());

    // Assess
    expect(afterRefill.$metadata.httpStatusCode).toBe(200);
    await expect(clients.ec2.send(replace())).rejects.toMatchObject({ name: 'RequestLimitExceeded' });
  });

  it('should throttle each action on its own: CreateTags and describes still go through', async () => {
    // Prepare
    const account = createSimulatedAccount(await loadSnapshotFile(EXAMPLE_ACCOUNT_PATH));
    const clients = unpacedClients(account);
    await Promise.allSettled(Array.from({ length: MUTATING_BUCKET + 5 }, () => clients.ec2.send(replace())));

    // Act
    const tagged = await clients.ec2.send(
      new CreateTagsCommand({ Resources: [EXAMPLE.prodPrivateTableB], Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    const described = await clients.ec2.send(new DescribeRouteTablesCommand({ MaxResults: 5 }));

    // Assess
    expect(tagged.$metadata.httpStatusCode).toBe(200);
    expect(described.RouteTables).toHaveLength(5);
  });

  it('should let everything through with its buckets off', async () => {
    const account = createSimulatedAccount(await loadSnapshotFile(EXAMPLE_ACCOUNT_PATH), {
      rateLimits: 'off',
    });
    const answers = await Promise.allSettled(
      Array.from({ length: 3 * MUTATING_BUCKET }, () => account.clients.ec2.send(replace())),
    );
    expect(answers.every((a) => a.status === 'fulfilled')).toBe(true);
    expect(account.sim.throttledCalls).toBe(0);
  });

  it('should pace its own clients: 60 calls at once are never throttled and take 10 refills of simulated time', async () => {
    // Prepare
    const account = createSimulatedAccount(await loadSnapshotFile(EXAMPLE_ACCOUNT_PATH));
    const started = account.sim.now().getTime();

    // Act
    await Promise.all(
      Array.from({ length: MUTATING_BUCKET + 10 }, () => account.clients.ec2.send(replace())),
    );

    // Assess
    const elapsed = account.sim.now().getTime() - started;
    expect(account.sim.throttledCalls).toBe(0);
    expect(account.sim.callCount('EC2.ReplaceRoute')).toBe(MUTATING_BUCKET + 10);
    expect(elapsed).toBeGreaterThanOrEqual(10 * REFILL_INTERVAL_MS);
    expect(elapsed).toBeLessThan(11 * REFILL_INTERVAL_MS);
  });
});
