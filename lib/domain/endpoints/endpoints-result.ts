// What the endpoint jobs report: gateway endpoints planned or created for a VPC, and the flow-log setup.
import type { ActionResult } from '../action-result';
import type { EndpointStep } from './endpoint-plan';

export interface EndpointOutcome extends EndpointStep {
  result: ActionResult;
  error?: string;
}

export interface EndpointsResult {
  region: string;
  vpcId: string;
  apply: boolean;
  window: { start: string; end: string; hours: number };
  natRouteTableIds: string[];
  steps: Array<EndpointOutcome & { policyDocument?: string }>;
  /** USD/month taken off NAT data processing by the steps that create or extend; null when unknown. */
  estimatedMonthlySavings: number | null;
  policySource: 'default' | 'file';
  warnings: string[];
}

export interface GatewayFlowLog {
  natGatewayId: string;
  networkInterfaceId?: string;
  /** `RegionalNatGateway`: a regional gateway's flow log is on the gateway (one interface per AZ behind it). */
  resourceType?: 'NetworkInterface' | 'RegionalNatGateway';
  action: 'create' | 'none';
  reason: string;
  result: ActionResult;
  error?: string;
}

export interface FlowLogSetupResult {
  logGroup: { name: string; retentionDays: number; result: 'created' | 'existing' | 'planned' };
  logFormat: string;
  gateways: GatewayFlowLog[];
}
