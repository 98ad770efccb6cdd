// Carries out the scheduler's plans. Every plan runs up to its first wait; then each plan waits (gateways
// provision in parallel, so the waits overlap) and finishes. A gateway that fails is reported, the others go on.

import { isAwsServiceError } from '../../aws/aws-errors';
import type { AwsClients } from '../../aws/clients';
import {
  createNatGateway,
  deleteNatGateway,
  NatGatewayCreateError,
  waitForGateway,
} from '../../aws/nat-lifecycle';
import { pointDefaultRoute, RouteMoveError, tablesRoutingThrough } from '../../aws/route-moves';
import { removeTags, TagWriteError, writeTags } from '../../aws/tags';
import type { ActionResult } from '../../domain/action-result';
import { describeStep, type GatewayRef, isWait, type ScheduleStep } from '../../domain/scheduler/park-steps';
import type { SchedulePlan } from '../../domain/scheduler/schedule-plan';

import { ROUTE_TABLE_TAGS } from '../../domain/tag-keys';
import type { Runtime } from '../../runtime';

export interface ExecutedPlan {
  plan: SchedulePlan;
  result: ActionResult;
  /** Steps carried out, in words. */
  done: string[];
  newNatGatewayId?: string;
  /** Why the plan stopped before its end (a wait ran out, AWS refused a step). */
  stopped?: string;
}

/** Seconds a wait may still take (the Lambda's remaining time less a margin). */
export type WaitBudget = () => number;

const FAILOVER_TAG_KEYS: ReadonlySet<string> = new Set([
  ROUTE_TABLE_TAGS.failoverFrom,
  ROUTE_TABLE_TAGS.failoverTo,
  ROUTE_TABLE_TAGS.failoverVia,
]);

class StepStop extends Error {
  override name = 'StepStop';
  constructor(
    message: string,
    readonly result: ActionResult,
  ) {
    super(message);
  }
}

interface Progress {
  plan: SchedulePlan;
  next: number;
  done: string[];
  replacementId?: string;
  available: Set<string>;
  stopped?: { message: string; result: ActionResult };
}

function isReportedFailure(error: unknown): error is Error {
  return (
    isAwsServiceError(error) ||
    error instanceof RouteMoveError ||
    error instanceof NatGatewayCreateError ||
    error instanceof TagWriteError
  );
}

function resolve(progress: Progress, ref: GatewayRef): string {
  if ('natGatewayId' in ref) return ref.natGatewayId;
  if (!progress.replacementId)
    throw new RangeError(`${progress.plan.natGatewayId}: no replacement gateway created yet`);
  return progress.replacementId;
}

/**
 * Failover runs beside the scheduler: between this run's read and the delete it may have moved tables onto the
 * gateway. A fresh look at the tables routing through it just before deleting keeps those subnets' egress.
 */
async function refuseIfFailoverMoved(ec2: AwsClients['ec2'], natGatewayId: string): Promise<void> {
  const held = (await tablesRoutingThrough(ec2, natGatewayId)).filter((t) =>
    Object.keys(t.tags).some((key) => FAILOVER_TAG_KEYS.has(key)),
  );
  if (held.length > 0) {
    throw new StepStop(
      `failover moved ${held.map((t) => t.routeTableId).join(', ')} onto ${natGatewayId} since this run read the ` +
        'account: not deleted; the park waits until failover is over',
      'skipped',
    );
  }
}

async function runStep(
  runtime: Runtime,
  progress: Progress,
  step: ScheduleStep,
  budget: WaitBudget,
): Promise<void> {
  const { ec2 } = runtime.clients;
  switch (step.kind) {
    case 'tag':
      return writeTags(ec2, step.resourceIds, step.tags);
    case 'untag':
      return removeTags(ec2, step.resourceIds, step.keys);
    case 'delete-gateway':
      if (step.natGatewayId === progress.plan.natGatewayId)
        await refuseIfFailoverMoved(ec2, step.natGatewayId);
      return deleteNatGateway(ec2, step.natGatewayId);
    case 'create-gateway':
      progress.replacementId = await createNatGateway(ec2, step.request);
      return;
    case 'point-route': {
      const target = resolve(progress, step.to);
      // Safety rule 2: a replacement carries routes only once a wait has seen it available.
      if (!('natGatewayId' in step.to) && !progress.available.has(target)) {
        throw new RangeError(`${target} has not been seen available: refusing to route to it`);
      }
      await pointDefaultRoute(ec2, step.routeTableId, target, step.destination);
      return;
    }
    case 'wait-available': {
      const id = resolve(progress, step.gateway);
      const status = await waitForGateway(ec2, id, 'available', runtime.waits, budget());
      if (status.state === 'available') {
        progress.available.add(id);
        return;
      }
      if (status.state === 'pending')
        throw new StepStop(`${id} is still pending; the next run continues`, 'skipped');
      throw new StepStop(
        `${id} is ${status.state}${status.failureCode ? ` (${status.failureCode})` : ''}; the next run cleans up and retries`,
        'failed',
      );
    }
    case 'wait-deleted':
      for (const id of step.natGatewayIds) {
        const status = await waitForGateway(ec2, id, 'deleted', runtime.waits, budget());
        if (status.state !== 'deleted' && status.state !== 'gone') {
          throw new StepStop(`${id} is still ${status.state}; the next run continues`, 'skipped');
        }
      }
  }
}

async function advance(
  runtime: Runtime,
  progress: Progress,
  budget: WaitBudget,
  untilWait: boolean,
): Promise<void> {
  const { steps } = progress.plan;
  while (!progress.stopped && progress.next < steps.length) {
    const step = steps[progress.next];
    if (!step || (untilWait && isWait(step))) return;
    try {
      await runStep(runtime, progress, step, budget);
      progress.done.push(describeStep(step, progress.replacementId));
      progress.next += 1;
    } catch (error) {
      if (error instanceof StepStop) progress.stopped = { message: error.message, result: error.result };
      else if (isReportedFailure(error))
        progress.stopped = {
          message: `${describeStep(step, progress.replacementId)}: ${error.message}`,
          result: 'failed',
        };
      else throw error;
    }
  }
}

export async function executePlans(
  runtime: Runtime,
  plans: SchedulePlan[],
  budget: WaitBudget,
): Promise<ExecutedPlan[]> {
  const all: Progress[] = plans.map((plan) => ({ plan, next: 0, done: [], available: new Set() }));
  for (const progress of all) await advance(runtime, progress, budget, true);
  for (const progress of all) await advance(runtime, progress, budget, false);
  return all.map((p) => ({
    plan: p.plan,
    result: p.stopped ? p.stopped.result : (p.plan.resultWhenDone ?? 'done'),
    done: p.done,
    ...(p.replacementId ? { newNatGatewayId: p.replacementId } : {}),
    ...(p.stopped ? { stopped: p.stopped.message } : {}),
  }));
}
