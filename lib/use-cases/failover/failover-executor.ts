// Carries out one gateway's failover or failback plan: route tables in parallel (bounded), each on its own,
// so one table's failure is reported and the others go on. Tags go on before a failover move and come off
// after a failback move, so a crash at any step leaves tags from which the next run finishes the job.

import pLimit from 'p-limit';
import { awsErrorCode, isAwsServiceError } from '../../aws/aws-errors';
import { pointDefaultRoute, RouteMoveError } from '../../aws/route-moves';
import { removeTags, writeTags } from '../../aws/tags';
import { emergencyGatewaysFreedBy } from '../../domain/failover/failover-emergency';
import type { FailoverPlan, TableMove } from '../../domain/failover/failover-plan';
import type { EmergencyOutcome, FailoverAction, GatewayOutcome } from '../../domain/failover/failover-result';
import type { Inventory } from '../../domain/model';
import { ROUTE_TABLE_TAGS } from '../../domain/tag-keys';
import { encodeInstant } from '../../domain/tag-values';
import type { Runtime } from '../../runtime';
import { EmergencyGatewayError, ensureEmergencyGateway, removeEmergencyGateway } from './emergency-gateway';

const FAILOVER_KEYS = [
  ROUTE_TABLE_TAGS.failoverFrom,
  ROUTE_TABLE_TAGS.failoverTo,
  ROUTE_TABLE_TAGS.failoverAt,
  ROUTE_TABLE_TAGS.failoverVia,
];

/** An AWS answer (after the SDK's retries) fails one table; anything else (a crash, a bug) stops the run. */
function failureCode(error: unknown): string | undefined {
  if (error instanceof RouteMoveError) return error.code ?? 'RouteMoveError';
  if (error instanceof EmergencyGatewayError) return error.code;
  return isAwsServiceError(error) ? (awsErrorCode(error) ?? 'AwsError') : undefined;
}

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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type TaskResult = { action: FailoverAction; at?: Date } | { crash: unknown };

async function moveAll(
  runtime: Runtime,
  moves: TableMove[],
  to: string,
  step: (move: TableMove) => Promise<void>,
  concurrency: number,
): Promise<{ actions: FailoverAction[]; lastMovedAt: Date | null }> {
  const limit = pLimit(concurrency);
  const results = await Promise.all(
    moves.map((move) =>
      limit(async (): Promise<TaskResult> => {
        const base = { routeTableId: move.routeTableId, from: move.from ?? null, to };
        try {
          await step(move);
          return { action: { ...base, result: 'done' }, at: runtime.now() };
        } catch (error) {
          const code = failureCode(error);
          if (code === undefined) return { crash: error };
          return { action: { ...base, result: 'failed', error: code, reason: errorText(error) } };
        }
      }),
    ),
  );
  const actions: FailoverAction[] = [];
  let lastMovedAt: Date | null = null;
  for (const result of results) {
    if ('crash' in result) throw result.crash;
    actions.push(result.action);
    if (result.at && (!lastMovedAt || result.at > lastMovedAt)) lastMovedAt = result.at;
  }
  return { actions, lastMovedAt };
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
  const step =
    plan.kind === 'failover'
      ? async (move: TableMove) => {
          const at = encodeInstant(runtime.now());
          // A second move (its target failed too) also records where the route is now, in the same call.
          const via = move.from && move.from !== move.origin ? move.from : undefined;
          await writeTags(ec2, [move.routeTableId], {
            [ROUTE_TABLE_TAGS.failoverFrom]: move.origin,
            [ROUTE_TABLE_TAGS.failoverTo]: to,
            [ROUTE_TABLE_TAGS.failoverAt]: at,
            ...(via ? { [ROUTE_TABLE_TAGS.failoverVia]: via } : {}),
          });
          await pointDefaultRoute(ec2, move.routeTableId, to);
        }
      : async (move: TableMove) => {
          await pointDefaultRoute(ec2, move.routeTableId, to);
          await removeTags(ec2, [move.routeTableId], FAILOVER_KEYS);
        };
  const { actions, lastMovedAt } = await moveAll(runtime, plan.moves, to, step, concurrency);
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
