// The steps an executor carries out for one gateway, in order. Each is safe to repeat: a crash after any of
// them leaves tags from which the next run plans the rest.
import type { Tags } from '../model';

/** A gateway named by id, or the replacement an earlier `create-gateway` step of the same plan created. */
export type GatewayRef = { natGatewayId: string } | { replacement: true };

export interface CreateGatewayRequest {
  subnetId: string;
  connectivityType: 'public' | 'private';
  allocationId?: string;
  secondaryAllocationIds: string[];
  privateIp?: string;
  secondaryPrivateIps: string[];
  tags: Tags;
  clientToken: string;
  /** A regional gateway (AvailabilityMode regional, `subnetId` ''): its VPC and its addresses per AZ. */
  regional?: {
    vpcId: string;
    availabilityZoneAddresses: Array<{ availabilityZone: string; allocationIds: string[] }>;
  };
}

export type ScheduleStep =
  | { kind: 'tag'; resourceIds: string[]; tags: Tags; why: string }
  | { kind: 'untag'; resourceIds: string[]; keys: string[]; why: string }
  | { kind: 'point-route'; routeTableId: string; destination: string; to: GatewayRef }
  | { kind: 'delete-gateway'; natGatewayId: string }
  | { kind: 'wait-deleted'; natGatewayIds: string[] }
  | { kind: 'create-gateway'; request: CreateGatewayRequest }
  | { kind: 'wait-available'; gateway: GatewayRef };

export function isWait(step: ScheduleStep): boolean {
  return step.kind === 'wait-deleted' || step.kind === 'wait-available';
}

function createdWhere(request: CreateGatewayRequest): string {
  if (!request.regional) return request.subnetId;
  const zones = request.regional.availabilityZoneAddresses.map((z) => z.availabilityZone).join(', ');
  return `${request.regional.vpcId} (regional: ${zones})`;
}

/** The step in words; `replacementId` names the gateway a create step made, once known. */
export function describeStep(step: ScheduleStep, replacementId?: string): string {
  const ref = (g: GatewayRef) =>
    'natGatewayId' in g ? g.natGatewayId : (replacementId ?? 'the new gateway');
  switch (step.kind) {
    case 'tag':
      return `tag ${step.resourceIds.join(', ')} (${step.why})`;
    case 'untag':
      return `untag ${step.resourceIds.join(', ')} (${step.why})`;
    case 'point-route':
      return `point ${step.destination} of ${step.routeTableId} at ${ref(step.to)}`;
    case 'delete-gateway':
      return `delete ${step.natGatewayId}`;
    case 'wait-deleted':
      return `wait until ${step.natGatewayIds.join(', ')} deleted`;
    case 'create-gateway':
      return `create ${replacementId ?? 'a NAT gateway'} in ${createdWhere(step.request)} (token ${step.request.clientToken})`;
    case 'wait-available':
      return `wait until ${ref(step.gateway)} available`;
  }
}
