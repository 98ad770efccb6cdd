// Moving the route tables of one plan: the failover record for all tables in one CreateTags (one DeleteTags on
// failback), the routes in parallel (bounded; the EC2 client paces its requests to EC2's own token buckets), each
// table on its own so that one table's failure is reported and the others go on.
import pLimit from 'p-limit';
import { awsErrorCode, isAwsServiceError } from '../../aws/aws-errors';
import { pointDefaultRoute, RouteMoveError } from '../../aws/route-moves';
import { removeTags, writeTags } from '../../aws/tags';
import type { TableMove } from '../../domain/failover/failover-plan';
import type { FailoverAction } from '../../domain/failover/failover-result';
import { failoverTagBatches } from '../../domain/failover/tag-batches';
import { ROUTE_TABLE_TAGS } from '../../domain/tag-keys';
import { encodeInstant } from '../../domain/tag-values';
import type { Runtime } from '../../runtime';
import { EmergencyGatewayError } from './emergency-gateway';

const FAILOVER_KEYS = [
  ROUTE_TABLE_TAGS.failoverFrom,
  ROUTE_TABLE_TAGS.failoverTo,
  ROUTE_TABLE_TAGS.failoverAt,
  ROUTE_TABLE_TAGS.failoverVia,
];

/** An AWS answer (after the SDK's retries) fails one table; anything else (a crash, a bug) stops the run. */
export function failureCode(error: unknown): string | undefined {
  if (error instanceof RouteMoveError) return error.code ?? 'RouteMoveError';
  if (error instanceof EmergencyGatewayError) return error.code;
  return isAwsServiceError(error) ? (awsErrorCode(error) ?? 'AwsError') : undefined;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What happened to one table: moved (when), or refused by AWS (after the SDK's retries) with its error code. */
type TableOutcome = { moved: Date } | { code: string; reason: string };

/** Runs `task` for each item, `concurrency` at a time; AWS errors become outcomes, a crash stops the run at the end. */
async function eachTable<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  task: (item: T) => Promise<Date>,
  concurrency: number,
): Promise<Map<string, TableOutcome>> {
  const limit = pLimit(concurrency);
  const settled = await Promise.allSettled(items.map((item) => limit(() => task(item))));
  const outcomes = new Map<string, TableOutcome>();
  settled.forEach((result, i) => {
    const item = items[i];
    if (item === undefined) return;
    if (result.status === 'fulfilled') {
      outcomes.set(idOf(item), { moved: result.value });
      return;
    }
    const code = failureCode(result.reason);
    if (code === undefined) throw result.reason;
    outcomes.set(idOf(item), { code, reason: errorText(result.reason) });
  });
  return outcomes;
}

/**
 * One tag call for many tables (CreateTags and DeleteTags take up to 1,000 resources). If AWS refuses it, each
 * table is tried on its own, so one table that cannot take the tags (e.g. it holds 50 already) does not hold up
 * the others. Returns the tables that still failed.
 */
async function tagTables(
  routeTableIds: readonly string[],
  write: (ids: string[]) => Promise<void>,
  concurrency: number,
): Promise<Map<string, TableOutcome>> {
  if (routeTableIds.length === 0) return new Map();
  try {
    await write([...routeTableIds]);
    return new Map();
  } catch (error) {
    const code = failureCode(error);
    if (code === undefined) throw error;
    if (routeTableIds.length === 1)
      return new Map([[routeTableIds[0] ?? '', { code, reason: errorText(error) }]]);
  }
  const one = await eachTable(
    routeTableIds,
    (id) => id,
    async (id) => {
      await write([id]);
      return new Date(0);
    },
    concurrency,
  );
  return new Map([...one].filter(([, outcome]) => !('moved' in outcome)));
}

export function actionsOf(
  moves: readonly TableMove[],
  to: string,
  outcomes: ReadonlyMap<string, TableOutcome>,
) {
  const actions: FailoverAction[] = [];
  let lastMovedAt: Date | null = null;
  for (const move of moves) {
    const outcome = outcomes.get(move.routeTableId);
    if (!outcome) continue;
    const base = { routeTableId: move.routeTableId, from: move.from ?? null, to };
    if ('moved' in outcome) {
      actions.push({ ...base, result: 'done' });
      if (!lastMovedAt || outcome.moved > lastMovedAt) lastMovedAt = outcome.moved;
    } else {
      actions.push({ ...base, result: 'failed', error: outcome.code, reason: outcome.reason });
    }
  }
  return { actions, lastMovedAt };
}

/** Each table's default route onto `to`, `concurrency` at a time; when each moved. */
function moveRoutes(
  runtime: Runtime,
  moves: readonly TableMove[],
  to: string,
  concurrency: number,
): Promise<Map<string, TableOutcome>> {
  return eachTable(
    moves,
    (m) => m.routeTableId,
    async (m) => {
      await pointDefaultRoute(runtime.clients.ec2, m.routeTableId, to);
      return runtime.now();
    },
    concurrency,
  );
}

/** Failover: the record on every table first (crash safety), then the routes, `concurrency` at a time. */
export async function failOver(
  runtime: Runtime,
  moves: readonly TableMove[],
  to: string,
  concurrency: number,
): Promise<Map<string, TableOutcome>> {
  const { ec2 } = runtime.clients;
  const at = encodeInstant(runtime.now());
  const outcomes = new Map<string, TableOutcome>();
  for (const batch of failoverTagBatches(moves, to, at)) {
    const refused = await tagTables(
      batch.routeTableIds,
      (ids) => writeTags(ec2, ids, batch.tags),
      concurrency,
    );
    for (const [id, outcome] of refused) outcomes.set(id, outcome);
  }
  const tagged = moves.filter((m) => !outcomes.has(m.routeTableId));
  for (const [id, outcome] of await moveRoutes(runtime, tagged, to, concurrency)) outcomes.set(id, outcome);
  return outcomes;
}

/** Failback: the routes first, then the record off every table that moved, in one call. */
export async function failBack(
  runtime: Runtime,
  moves: readonly TableMove[],
  to: string,
  concurrency: number,
): Promise<Map<string, TableOutcome>> {
  const { ec2 } = runtime.clients;
  const outcomes = await moveRoutes(runtime, moves, to, concurrency);
  const movedBack = [...outcomes].filter(([, o]) => 'moved' in o).map(([id]) => id);
  const untagged = await tagTables(movedBack, (ids) => removeTags(ec2, ids, FAILOVER_KEYS), concurrency);
  for (const [id, outcome] of untagged) outcomes.set(id, outcome);
  return outcomes;
}
