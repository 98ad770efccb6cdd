// Creates (or finds again) the emergency gateway of a plan and waits until it is available; removes it after use.
import {
  AllocateAddressCommand,
  CreateNatGatewayCommand,
  DeleteNatGatewayCommand,
  type EC2Client,
  waitUntilNatGatewayAvailable,
} from '@aws-sdk/client-ec2';
import type { EmergencyPlan } from '../domain/failover-emergency';
import type { EmergencyOutcome } from '../domain/failover-result';
import type { Tags } from '../domain/model';
import type { Runtime } from '../runtime';

export class EmergencyGatewayError extends Error {
  override name = 'EmergencyGatewayError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const WAITER_FAILED_CODE = 'NatGatewayNotAvailable';

function tagList(tags: Tags): Array<{ Key: string; Value: string }> {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

async function allocateAddress(ec2: EC2Client, tags: Tags): Promise<string> {
  const result = await ec2.send(
    new AllocateAddressCommand({
      Domain: 'vpc',
      TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: tagList(tags) }],
    }),
  );
  if (!result.AllocationId)
    throw new EmergencyGatewayError('AllocateAddress returned no allocation id', 'NoAllocationId');
  return result.AllocationId;
}

async function waitAvailable(runtime: Runtime, natGatewayId: string): Promise<void> {
  const { waits } = runtime;
  try {
    await waitUntilNatGatewayAvailable(
      {
        client: runtime.clients.ec2,
        minDelay: waits.minDelaySeconds,
        maxDelay: waits.maxDelaySeconds,
        maxWaitTime: waits.maxWaitSeconds,
      },
      { NatGatewayIds: [natGatewayId] },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmergencyGatewayError(
      `emergency gateway ${natGatewayId} did not become available: ${reason}`,
      WAITER_FAILED_CODE,
      { cause: error },
    );
  }
}

/** The emergency gateway's id once it is available. Fresh addresses are tagged so the next run reuses them. */
export async function ensureEmergencyGateway(
  runtime: Runtime,
  plan: EmergencyPlan,
): Promise<EmergencyOutcome & { natGatewayId: string }> {
  const base = { subnetId: plan.subnetId, availabilityZone: plan.availabilityZone };
  if (plan.existingGatewayId) {
    await waitAvailable(runtime, plan.existingGatewayId);
    const allocationId = plan.eip.kind === 'allocate' ? null : plan.eip.allocationId;
    return {
      ...base,
      natGatewayId: plan.existingGatewayId,
      allocationId,
      source: 'existing',
      result: 'done',
    };
  }
  const ec2 = runtime.clients.ec2;
  const allocationId =
    plan.eip.kind === 'allocate' ? await allocateAddress(ec2, plan.eipTags) : plan.eip.allocationId;
  const created = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: plan.subnetId,
      AllocationId: allocationId,
      ClientToken: plan.clientToken,
      TagSpecifications: [{ ResourceType: 'natgateway', Tags: tagList(plan.gatewayTags) }],
    }),
  );
  const natGatewayId = created.NatGateway?.NatGatewayId;
  if (!natGatewayId)
    throw new EmergencyGatewayError('CreateNatGateway returned no gateway id', 'NoNatGatewayId');
  await waitAvailable(runtime, natGatewayId);
  const source = plan.eip.kind === 'allocate' ? 'allocated' : plan.eip.kind;
  return { ...base, natGatewayId, allocationId, source, result: 'done' };
}

/** Deletes an emergency gateway; its Elastic IP is only disassociated, never released. */
export async function removeEmergencyGateway(ec2: EC2Client, natGatewayId: string): Promise<void> {
  await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: natGatewayId }));
}
