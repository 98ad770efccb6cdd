// Carries out an endpoint plan: creates gateway endpoints, and adds route tables to an existing one only when
// the plan says `extend`. Never removes an endpoint or an association.

import { createHash } from 'node:crypto';
import {
  CreateVpcEndpointCommand,
  DescribeVpcsCommand,
  type EC2Client,
  EC2ServiceException,
  ModifyVpcEndpointCommand,
} from '@aws-sdk/client-ec2';
import type { EndpointPlan, EndpointStep } from '../domain/endpoints/endpoint-plan';
import type { EndpointOutcome } from '../domain/endpoints/endpoints-result';
import { describeError } from '../errors';

export interface EndpointApplyOptions {
  apply: boolean;
  /** The policy document of each service's new endpoint. */
  policyFor: (step: EndpointStep) => string;
  tagsFor: (step: EndpointStep) => Record<string, string>;
}

const TOKEN_PREFIX = 'nat-optimizer-';
const TOKEN_DIGEST_LENGTH = 40;

/** The account that owns the VPC: the one whose resources the default endpoint policy allows. */
export async function vpcOwnerId(ec2: EC2Client, vpcId: string): Promise<string | undefined> {
  const answer = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
  return answer.Vpcs?.[0]?.OwnerId;
}

/** Same request, same token: a create retried after a crash or run twice at once makes one endpoint. */
function clientToken(vpcId: string, step: EndpointStep, policy: string): string {
  const digest = createHash('sha256')
    .update([vpcId, step.serviceName, ...step.routeTableIds, policy].join('\n'))
    .digest('hex');
  return `${TOKEN_PREFIX}${digest.slice(0, TOKEN_DIGEST_LENGTH)}`;
}

async function carryOut(
  ec2: EC2Client,
  plan: EndpointPlan,
  step: EndpointStep,
  options: EndpointApplyOptions,
) {
  if (step.action === 'create') {
    const policy = options.policyFor(step);
    const answer = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: 'Gateway',
        VpcId: plan.vpcId,
        ServiceName: step.serviceName,
        RouteTableIds: step.routeTableIds,
        PolicyDocument: policy,
        ClientToken: clientToken(plan.vpcId, step, policy),
        TagSpecifications: [
          {
            ResourceType: 'vpc-endpoint',
            Tags: Object.entries(options.tagsFor(step)).map(([Key, Value]) => ({ Key, Value })),
          },
        ],
      }),
    );
    return answer.VpcEndpoint?.VpcEndpointId;
  }
  await ec2.send(
    new ModifyVpcEndpointCommand({ VpcEndpointId: step.vpcEndpointId, AddRouteTableIds: step.routeTableIds }),
  );
  return step.vpcEndpointId;
}

export async function applyEndpointPlan(
  ec2: EC2Client,
  plan: EndpointPlan,
  options: EndpointApplyOptions,
): Promise<EndpointOutcome[]> {
  const outcomes: EndpointOutcome[] = [];
  for (const step of plan.steps) {
    if (step.action === 'none' || step.action === 'skip') {
      outcomes.push({ ...step, result: 'skipped' });
      continue;
    }
    if (!options.apply) {
      outcomes.push({ ...step, result: 'planned' });
      continue;
    }
    try {
      const vpcEndpointId = await carryOut(ec2, plan, step, options);
      outcomes.push({ ...step, ...(vpcEndpointId ? { vpcEndpointId } : {}), result: 'done' });
    } catch (error) {
      if (!(error instanceof EC2ServiceException)) throw error;
      outcomes.push({ ...step, result: 'failed', error: describeError(error) });
    }
  }
  return outcomes;
}
