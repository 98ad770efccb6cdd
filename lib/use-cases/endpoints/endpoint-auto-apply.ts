// Opt-in (NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS): the nightly run creates the missing S3/DynamoDB gateway endpoints of
// every VPC that routes through NAT, and tells people, since requests from those subnets change source address.

import { publishMessage } from '../../aws/notify';
import type { ConfigOf } from '../../config';
import { natRoutedTables } from '../../domain/endpoints/endpoint-plan';
import type { EndpointsResult } from '../../domain/endpoints/endpoints-result';
import type { TrafficByService } from '../../domain/metric-series';
import type { Inventory } from '../../domain/model';
import { formatUsd } from '../../report/format-numbers';
import { snsSubject } from '../../report/sns-subject';
import type { Runtime } from '../../runtime';
import { endpointsForVpc } from './endpoints';

export interface EndpointAutoApply {
  vpcs: EndpointsResult[];
  created: number;
  failed: number;
  notified: boolean;
}

/** VPCs with at least one route table that sends its default route to a NAT gateway. */
function natRoutedVpcIds(inventory: Inventory): string[] {
  return inventory.vpcs.map((v) => v.vpcId).filter((vpcId) => natRoutedTables(inventory, vpcId).length > 0);
}

function announcement(region: string, vpcs: readonly EndpointsResult[]): { subject: string; body: string } {
  const created = vpcs.flatMap((v) => v.steps.filter((s) => s.action === 'create' && s.result === 'done'));
  const lines = vpcs.flatMap((vpc) =>
    vpc.steps
      .filter((s) => s.action === 'create')
      .map(
        (s) =>
          `- ${vpc.vpcId}: ${s.serviceName} on ${s.routeTableIds.join(', ')}: ${s.result}` +
          `${s.error ? ` (${s.error})` : ''}${s.estimatedMonthlySavings ? `, saves ~${formatUsd(s.estimatedMonthlySavings)}/month` : ''}`,
      ),
  );
  const warnings = [...new Set(vpcs.flatMap((v) => v.warnings))];
  return {
    subject: snsSubject(`NAT optimizer created ${created.length} gateway endpoint(s) in ${region}`),
    body: [
      `The nightly run created the missing S3/DynamoDB gateway endpoints (NAT_OPTIMIZER_AUTO_APPLY_ENDPOINTS=true).`,
      '',
      ...lines,
      '',
      'Before the next requests go through them:',
      ...warnings.map((w) => `- ${w}`),
      '',
      'The optimizer never deletes an endpoint; remove one with `aws ec2 delete-vpc-endpoints` if it must go.',
    ].join('\n'),
  };
}

export async function autoApplyEndpoints(
  runtime: Runtime,
  config: ConfigOf<'core' | 'pricing' | 'analysis' | 'endpoints'>,
  inventory: Inventory,
  traffic: TrafficByService | undefined,
): Promise<EndpointAutoApply> {
  const vpcs: EndpointsResult[] = [];
  for (const vpcId of natRoutedVpcIds(inventory)) {
    vpcs.push(
      await endpointsForVpc(runtime, config, inventory, traffic, {
        vpcId,
        extendExisting: false,
        ...(config.endpoints.autoApplyPolicy ? { policyDocument: config.endpoints.autoApplyPolicy } : {}),
      }),
    );
  }
  const creates = vpcs.flatMap((v) => v.steps.filter((s) => s.action === 'create'));
  const created = creates.filter((s) => s.result === 'done').length;
  const failed = creates.filter((s) => s.result === 'failed').length;
  let notified = false;
  if (runtime.apply && created + failed > 0 && config.core.topicArn) {
    await publishMessage(runtime.clients.sns, config.core.topicArn, {
      ...announcement(runtime.region, vpcs),
      attributes: { kind: 'endpoints', region: runtime.region, severity: failed > 0 ? 'high' : 'medium' },
    });
    notified = true;
  }
  return { vpcs, created, failed, notified };
}
