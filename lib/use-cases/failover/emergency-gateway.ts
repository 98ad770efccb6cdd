// Creates (or finds again) the emergency gateway of a plan and waits until it is available; removes it after use.
// Gateway creation, waiting and deletion are the shared NAT lifecycle adapter's (nat-lifecycle.ts).
import { AllocateAddressCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { createNatGateway, deleteNatGateway, waitForGateway } from '../../aws/nat-lifecycle';
import type { EmergencyPlan } from '../../domain/failover/failover-emergency';
import type { EmergencyOutcome } from '../../domain/failover/failover-result';
import type { Tags } from '../../domain/model';
import type { Runtime } from '../../runtime';

export class EmergencyGatewayError extends Error {
  override name = 'EmergencyGatewayError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const NOT_AVAILABLE_CODE = 'NatGatewayNotAvailable';

async function allocateAddress(ec2: EC2Client, tags: Tags): Promise<string> {
  const result = await ec2.send(
    new AllocateAddressCommand({
      Domain: 'vpc',
      TagSpecifications: [
        { ResourceType: 'elastic-ip', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
      ],
    }),
  );
  if (!result.AllocationId)
    throw new EmergencyGatewayError('AllocateAddress returned no allocation id', 'NoAllocationId');
  return result.AllocationId;
}

async function waitAvailable(runtime: Runtime, natGatewayId: string): Promise<void> {
  const { ec2 } = runtime.clients;
  const status = await waitForGateway(
    ec2,
    natGatewayId,
    'available',
    runtime.waits,
    runtime.waits.maxWaitSeconds,
  );
  if (status.state !== 'available') {
    const detail = status.failureCode ? ` (${status.failureCode})` : '';
    throw new EmergencyGatewayError(
      `emergency gateway ${natGatewayId} is ${status.state}${detail}, not available`,
      status.failureCode ?? NOT_AVAILABLE_CODE,
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
  const { ec2 } = runtime.clients;
  const allocationId =
    plan.eip.kind === 'allocate' ? await allocateAddress(ec2, plan.eipTags) : plan.eip.allocationId;
  const natGatewayId = await createNatGateway(ec2, {
    subnetId: plan.subnetId,
    connectivityType: 'public',
    allocationId,
    secondaryAllocationIds: [],
    secondaryPrivateIps: [],
    tags: plan.gatewayTags,
    clientToken: plan.clientToken,
  });
  await waitAvailable(runtime, natGatewayId);
  const source = plan.eip.kind === 'allocate' ? 'allocated' : plan.eip.kind;
  return { ...base, natGatewayId, allocationId, source, result: 'done' };
}

/** Deletes an emergency gateway; its Elastic IP is only disassociated, never released. */
export async function removeEmergencyGateway(ec2: EC2Client, natGatewayId: string): Promise<void> {
  await deleteNatGateway(ec2, natGatewayId);
}
