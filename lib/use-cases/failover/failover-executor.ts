// Carries out one gateway's failover or failback plan: the target (an emergency gateway if need be), the table
// moves (table-moves.ts), and on failback the emergency gateways it no longer needs. Tags go on before a failover
// move and come off after a failback move, so a crash at any step leaves tags from which the next run finishes the
// job.
import { emergencyGatewaysFreedBy } from '../../domain/failover/failover-emergency';
import type { FailoverPlan } from '../../domain/failover/failover-plan';
import type { EmergencyOutcome, FailoverAction, GatewayOutcome } from '../../domain/failover/failover-result';
import type { Inventory } from '../../domain/model';
import type { Runtime } from '../../runtime';
import { ensureEmergencyGateway, removeEmergencyGateway } from './emergency-gateway';
import { actionsOf, errorText, failBack, failOver, failureCode } from './table-moves';

function outcomeOf(plan: FailoverPlan, actions: FailoverAction[], target: string | null): GatewayOutcome {
  return {
    natGatewayId: plan.natGatewayId,
    vpcId: plan.vpcId ?? null,
    kind: plan.kind,
    alarmState: plan.alarmState,
    reason: plan.reason,
    target,
    actions: [
      ...actions,
      ...plan.skipped.map((s) => ({
        routeTableId: s.routeTableId,
        from: s.from ?? null,
        to: s.to ?? null,
        result: 'skipped' as const,
        reason: s.reason,
      })),
    ],
    rejectedTargets: plan.rejectedTargets,
    noTarget: plan.noTarget,
    removedEmergencyGateways: [],
    lastMovedAt: null,
  };
}

function plannedTarget(plan: FailoverPlan): string | null {
  if (plan.target?.kind === 'gateway') return plan.target.natGatewayId;
  if (plan.target?.kind === 'emergency') {
    return plan.target.plan.existingGatewayId ?? `new emergency gateway in ${plan.target.plan.subnetId}`;
  }
  return plan.kind === 'failback' ? plan.natGatewayId : null;
}

async function resolveTarget(
  runtime: Runtime,
  plan: FailoverPlan,
): Promise<{ to: string; emergency?: EmergencyOutcome } | { error: string; emergency?: EmergencyOutcome }> {
  if (plan.target?.kind === 'gateway') return { to: plan.target.natGatewayId };
  if (plan.kind === 'failback') return { to: plan.natGatewayId };
  if (plan.target?.kind !== 'emergency') return { error: 'NoTarget' };
  const emergencyPlan = plan.target.plan;
  try {
    const emergency = await ensureEmergencyGateway(runtime, emergencyPlan);
    return { to: emergency.natGatewayId, emergency };
  } catch (error) {
    const code = failureCode(error);
    if (code === undefined) throw error;
    const reason = errorText(error);
    return {
      error: code,
      emergency: {
        natGatewayId: emergencyPlan.existingGatewayId ?? null,
        subnetId: emergencyPlan.subnetId,
        availabilityZone: emergencyPlan.availabilityZone,
        allocationId: emergencyPlan.eip.kind === 'allocate' ? null : emergencyPlan.eip.allocationId,
        source: emergencyPlan.existingGatewayId
          ? 'existing'
          : emergencyPlan.eip.kind === 'allocate'
            ? 'allocated'
            : emergencyPlan.eip.kind,
        result: 'failed',
        error: `${code}: ${reason}`,
      },
    };
  }
}

/**
 * `targetedThisRun`: gateways an earlier plan of the same run moved tables onto. The inventory predates those
 * moves, so an emergency gateway in it may look free while it now carries routes: it is never removed then.
 */
export async function executeGatewayPlan(
  runtime: Runtime,
  plan: FailoverPlan,
  inventory: Inventory,
  concurrency: number,
  targetedThisRun: ReadonlySet<string> = new Set(),
): Promise<GatewayOutcome> {
  if (plan.kind === 'none') return outcomeOf(plan, [], null);
  if (!runtime.apply) {
    const to = plannedTarget(plan);
    const planned = plan.moves.map(
      (m): FailoverAction => ({ routeTableId: m.routeTableId, from: m.from ?? null, to, result: 'planned' }),
    );
    return outcomeOf(plan, planned, to);
  }
  const target = await resolveTarget(runtime, plan);
  if ('error' in target) {
    const failed = plan.moves.map(
      (m): FailoverAction => ({
        routeTableId: m.routeTableId,
        from: m.from ?? null,
        to: null,
        result: 'failed',
        error: target.error,
      }),
    );
    return { ...outcomeOf(plan, failed, null), ...(target.emergency ? { emergency: target.emergency } : {}) };
  }
  const { ec2 } = runtime.clients;
  const to = target.to;
  const run = plan.kind === 'failover' ? failOver : failBack;
  const { actions, lastMovedAt } = actionsOf(plan.moves, to, await run(runtime, plan.moves, to, concurrency));
  const outcome = outcomeOf(plan, actions, to);
  outcome.lastMovedAt = lastMovedAt ? lastMovedAt.toISOString() : null;
  if (target.emergency) outcome.emergency = target.emergency;
  if (plan.kind === 'failback') {
    const moved = new Set(actions.filter((a) => a.result === 'done').map((a) => a.routeTableId));
    const freed = emergencyGatewaysFreedBy(inventory, plan.natGatewayId, moved);
    for (const natGatewayId of freed.filter((id) => !targetedThisRun.has(id))) {
      try {
        await removeEmergencyGateway(ec2, natGatewayId);
        outcome.removedEmergencyGateways.push(natGatewayId);
      } catch (error) {
        if (failureCode(error) === undefined) throw error;
        outcome.reason += `; emergency gateway ${natGatewayId} not removed (${errorText(error)}), the recheck retries`;
      }
    }
  }
  return outcome;
}
