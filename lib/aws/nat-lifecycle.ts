// NAT gateway lifecycle: create (idempotent by client token), delete, and bounded waits with the SDK's waiters.
import {
  CreateNatGatewayCommand,
  type CreateNatGatewayCommandInput,
  DeleteNatGatewayCommand,
  DescribeNatGatewaysCommand,
  type EC2Client,
  waitUntilNatGatewayAvailable,
  waitUntilNatGatewayDeleted,
} from '@aws-sdk/client-ec2';
import type { NatGatewayState } from '../domain/model';
import type { CreateGatewayRequest } from '../domain/scheduler/park-steps';
import { awsErrorCode } from './aws-errors';
import type { WaitTimings } from './clients';

const NOT_FOUND = 'NatGatewayNotFound';
const STATES: readonly NatGatewayState[] = ['pending', 'failed', 'available', 'deleting', 'deleted'];

export interface GatewayStatus {
  /** `gone`: AWS no longer knows the gateway. */
  state: NatGatewayState | 'gone';
  failureCode?: string;
}

export class NatGatewayCreateError extends Error {
  override name = 'NatGatewayCreateError';
}

export async function describeGatewayStatus(ec2: EC2Client, natGatewayId: string): Promise<GatewayStatus> {
  try {
    const result = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [natGatewayId] }));
    const gateway = result.NatGateways?.[0];
    const state = STATES.find((s) => s === gateway?.State);
    if (!gateway || !state) return { state: 'gone' };
    return {
      state,
      ...(gateway.FailureCode ? { failureCode: gateway.FailureCode } : {}),
    };
  } catch (error) {
    if (awsErrorCode(error) === NOT_FOUND) return { state: 'gone' };
    throw error;
  }
}

/** Where and how the gateway is placed: a subnet (zonal), or a VPC and its addresses per AZ (regional). */
function placement(request: CreateGatewayRequest): CreateNatGatewayCommandInput {
  const { regional } = request;
  if (regional) {
    return {
      AvailabilityMode: 'regional',
      VpcId: regional.vpcId,
      AvailabilityZoneAddresses: regional.availabilityZoneAddresses.map((zone) => ({
        AvailabilityZone: zone.availabilityZone,
        AllocationIds: zone.allocationIds,
      })),
    };
  }
  return {
    SubnetId: request.subnetId,
    ConnectivityType: request.connectivityType,
    ...(request.allocationId ? { AllocationId: request.allocationId } : {}),
    ...(request.secondaryAllocationIds.length > 0
      ? { SecondaryAllocationIds: request.secondaryAllocationIds }
      : {}),
    ...(request.privateIp ? { PrivateIpAddress: request.privateIp } : {}),
    ...(request.secondaryPrivateIps.length > 0
      ? { SecondaryPrivateIpAddresses: request.secondaryPrivateIps }
      : {}),
  };
}

/** Creates the gateway; the same token returns the gateway an earlier call (or run) created. */
export async function createNatGateway(ec2: EC2Client, request: CreateGatewayRequest): Promise<string> {
  const result = await ec2.send(
    new CreateNatGatewayCommand({
      ...placement(request),
      ClientToken: request.clientToken,
      TagSpecifications: [
        {
          ResourceType: 'natgateway',
          Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
        },
      ],
    }),
  );
  const id = result.NatGateway?.NatGatewayId;
  if (!id) {
    const where = request.regional?.vpcId ?? request.subnetId;
    throw new NatGatewayCreateError(`CreateNatGateway in ${where} answered without a gateway id`);
  }
  return id;
}

/** Deletes the gateway (its Elastic IP is kept); a gateway AWS no longer knows counts as deleted. */
export async function deleteNatGateway(ec2: EC2Client, natGatewayId: string): Promise<void> {
  try {
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: natGatewayId }));
  } catch (error) {
    if (awsErrorCode(error) !== NOT_FOUND) throw error;
  }
}

/**
 * Waits with the SDK's waiter for at most `budgetSeconds` (the caller's remaining time), then reports the state
 * the gateway is in: the caller decides what a gateway still pending or deleting means.
 */
export async function waitForGateway(
  ec2: EC2Client,
  natGatewayId: string,
  goal: 'available' | 'deleted',
  waits: WaitTimings,
  budgetSeconds: number,
): Promise<GatewayStatus> {
  const maxWaitTime = Math.min(waits.maxWaitSeconds, budgetSeconds);
  if (maxWaitTime > waits.minDelaySeconds) {
    const config = {
      client: ec2,
      minDelay: waits.minDelaySeconds,
      maxDelay: waits.maxDelaySeconds,
      maxWaitTime,
    };
    const wait = goal === 'available' ? waitUntilNatGatewayAvailable : waitUntilNatGatewayDeleted;
    // A waiter that ends in failure or timeout throws a plain Error: the describe below tells which state it is.
    await wait(config, { NatGatewayIds: [natGatewayId] }).catch(() => undefined);
  }
  return describeGatewayStatus(ec2, natGatewayId);
}
