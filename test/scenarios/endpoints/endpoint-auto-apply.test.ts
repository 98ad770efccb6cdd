import { describe, expect, it } from 'vitest';
import { buildFullConfig, type Config } from '../../../lib/config';
import { simRuntime } from '../../../lib/sim/sim-runtime';
import { createSimulatedAccount, type SimulatedAccount } from '../../../lib/sim/simulated-account';
import { publishedMessages } from '../../../lib/sim/sns';
import { runNightly } from '../../../lib/use-cases/analysis/nightly';
import { EX, exampleSnapshot } from './endpoints-fixture';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';
const DEV_VPC = 'vpc-44112025f96743120';
const LEGACY_VPC = 'vpc-fd3f8f54d059af218';

function config(autoApply: boolean): Config {
  return buildFullConfig({
    AWS_REGION: 'us-east-1',
    NAT_OPTIMIZER_TOPIC_ARN: TOPIC,
    NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS: String(autoApply),
  });
}

async function account(): Promise<SimulatedAccount> {
  return createSimulatedAccount(await exampleSnapshot());
}

/** service suffix → VPCs that have a gateway endpoint of it. */
function endpointsByService(sim: SimulatedAccount['sim']): Record<string, string[]> {
  const byService: Record<string, string[]> = {};
  for (const endpoint of sim.state.vpcEndpoints) {
    const service = endpoint.serviceName.split('.').at(-1) ?? '';
    byService[service] = [...(byService[service] ?? []), endpoint.vpcId].sort();
  }
  return byService;
}

describe('nightly run: opt-in creation of gateway endpoints', () => {
  it('should create no endpoint when auto-apply is off', async () => {
    // Prepare
    const { sim, clients } = await account();

    // Act
    const run = await runNightly(simRuntime({ sim, clients }), config(false));

    // Assess
    expect(run.endpoints).toBeUndefined();
    expect(sim.callCount('EC2.CreateVpcEndpoint')).toBe(0);
  });

  it('should create the missing S3 and DynamoDB endpoints of every NAT-routed VPC, keeping staging S3 as it is', async () => {
    // Prepare
    const { sim, clients } = await account();

    // Act
    const run = await runNightly(simRuntime({ sim, clients }), config(true));

    // Assess
    expect(run.endpoints).toMatchObject({ created: 7, failed: 0, notified: true });
    expect(endpointsByService(sim)).toEqual({
      s3: [EX.prodVpc, DEV_VPC, EX.stagingVpc, LEGACY_VPC].sort(),
      dynamodb: [EX.prodVpc, DEV_VPC, EX.stagingVpc, LEGACY_VPC].sort(),
    });
    expect(sim.state.vpcEndpoints.filter((e) => e.vpcEndpointId === EX.stagingS3Endpoint)).toHaveLength(1);
  });

  it('should add the S3 prefix-list route to exactly the private route tables of prod', async () => {
    // Prepare
    const { sim, clients } = await account();

    // Act
    await runNightly(simRuntime({ sim, clients }), config(true));

    // Assess
    const withS3Route = sim.state.routeTables
      .filter(
        (t) => t.vpcId === EX.prodVpc && t.routes.some((r) => r.destinationPrefixListId === EX.s3PrefixList),
      )
      .map((t) => t.routeTableId)
      .sort();
    expect(withS3Route).toEqual([...EX.prodPrivateTables].sort());
  });

  it('should tell people by SNS what it created and warn about aws:SourceIp policies', async () => {
    // Prepare
    const { sim, clients } = await account();

    // Act
    await runNightly(simRuntime({ sim, clients }), config(true));

    // Assess
    const announcement = publishedMessages(sim).find((m) => m.attributes.kind?.StringValue === 'endpoints');
    expect(announcement?.subject).toBe('NAT optimizer created 7 gateway endpoint(s) in us-east-1');
    expect(announcement?.message).toContain('aws:SourceIp');
  });

  it('should create nothing and announce nothing on the next night', async () => {
    // Prepare
    const { sim, clients } = await account();
    const runtime = simRuntime({ sim, clients });
    await runNightly(runtime, config(true));
    const calls = sim.callCount('EC2.CreateVpcEndpoint');
    const messages = publishedMessages(sim).length;

    // Act
    const second = await runNightly(runtime, config(true));

    // Assess
    expect(second.endpoints).toMatchObject({ created: 0, failed: 0, notified: false });
    expect(sim.callCount('EC2.CreateVpcEndpoint')).toBe(calls);
    expect(publishedMessages(sim).length).toBe(messages + 1);
  });
});
