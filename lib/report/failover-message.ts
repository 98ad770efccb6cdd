// The SNS message and the EventBridge event of a failover, a failback, or a failover that found no target.

import type { FailoverAction, GatewayOutcome } from '../domain/failover/failover-result';
import { plural } from './format-numbers';
import { snsSubject } from './sns-subject';

export interface FailoverNotice {
  subject: string;
  body: string;
  attributes: Record<string, string>;
  detailType: string;
}

function actionLine(action: FailoverAction): string {
  const route = `${action.routeTableId}: ${action.from ?? 'no route'} → ${action.to ?? '—'}`;
  const detail = action.error
    ? ` (${action.error}: ${action.reason ?? ''})`
    : action.reason
      ? ` (${action.reason})`
      : '';
  return `  - ${route}  ${action.result}${detail}`;
}

function subjectOf(outcome: GatewayOutcome, moved: number): string {
  const id = outcome.natGatewayId;
  if (outcome.noTarget)
    return `[nat-optimizer] ACTION NEEDED: ${id} failing, no healthy gateway to take over`;
  const failed = outcome.actions.filter((a) => a.result === 'failed').length;
  const verb = outcome.kind === 'failover' ? 'Failover' : 'Failback';
  const what = `${verb}: ${plural(moved, 'route table')} ${outcome.kind === 'failover' ? `${id} -> ${outcome.target}` : `back to ${id}`}`;
  return snsSubject(`[nat-optimizer] ${failed > 0 ? `${what}, ${failed} FAILED` : what}`);
}

/** What happened, why, which routes, from, to — for people (SNS) and machines (EventBridge). */
export function failoverNotice(
  outcome: GatewayOutcome,
  alarmName: string | null,
  region: string,
): FailoverNotice {
  const moved = outcome.actions.filter((a) => a.result === 'done').length;
  const lines = [
    outcome.noTarget
      ? `NAT gateway ${outcome.natGatewayId} is failing and NOTHING WAS MOVED: its private subnets have no egress until it recovers or someone acts.`
      : `${outcome.kind === 'failover' ? 'Failover' : 'Failback'} of NAT gateway ${outcome.natGatewayId} in ${outcome.vpcId ?? 'its VPC'} (${region}).`,
    '',
    `Why: ${outcome.reason}`,
    `Alarm: ${alarmName ?? 'n/a'} (state ${outcome.alarmState})`,
    ...(outcome.target ? [`To: ${outcome.target}`] : []),
    ...(outcome.emergency
      ? [
          `Emergency gateway: ${outcome.emergency.natGatewayId ?? 'not created'} in ${outcome.emergency.subnetId} (${outcome.emergency.availabilityZone}), Elastic IP ${outcome.emergency.allocationId ?? 'none'} (${outcome.emergency.source}), ${outcome.emergency.result}${outcome.emergency.error ? `: ${outcome.emergency.error}` : ''}`,
        ]
      : []),
    ...(outcome.removedEmergencyGateways.length > 0
      ? [
          `Emergency gateway removed: ${outcome.removedEmergencyGateways.join(', ')} (its Elastic IP is kept, tagged for reuse)`,
        ]
      : []),
    '',
    'Route tables (0.0.0.0/0):',
    ...outcome.actions.map(actionLine),
    ...(outcome.rejectedTargets.length > 0
      ? [
          '',
          'Gateways not chosen:',
          ...outcome.rejectedTargets.map((r) => `  - ${r.natGatewayId}: ${r.reason}`),
        ]
      : []),
  ];
  return {
    subject: subjectOf(outcome, moved),
    body: lines.join('\n'),
    attributes: {
      kind: outcome.noTarget ? 'failover-no-target' : outcome.kind,
      severity: outcome.noTarget || outcome.actions.some((a) => a.result === 'failed') ? 'critical' : 'high',
      natGatewayId: outcome.natGatewayId,
      region,
    },
    detailType: outcome.noTarget
      ? 'NAT Gateway Failover Impossible'
      : outcome.kind === 'failover'
        ? 'NAT Gateway Failover'
        : 'NAT Gateway Failback',
  };
}
