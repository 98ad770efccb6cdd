// The shape every EC2 describe shares: explicit ids (unknown ones fail), then filters, then one page.
import type { Filter } from '@aws-sdk/client-ec2';
import type { SimAccount } from '../sim-account';
import { listGiven, refuseDryRun, requireKnownIds } from './ec2-errors';
import { applyFilters, type FilterFields } from './filters';
import { type PageRange, type PagingInput, paginate } from './paging';

export interface DescribeRequest<S, D> {
  command: string;
  input: { DryRun?: boolean | undefined; Filters?: Filter[] | undefined } & PagingInput;
  items: S[];
  idOf: (item: S) => string;
  requestedIds: string[] | undefined;
  notFound: { code: string; noun: string };
  describe: (item: S) => D;
  fields: FilterFields<D>;
  tagsOf?: (described: D) => Record<string, string>;
  /** Absent for describes that AWS does not paginate. */
  pageRange?: PageRange;
}

export function describeResources<S, D>(
  sim: SimAccount,
  request: DescribeRequest<S, D>,
): { page: D[]; nextToken: string | undefined } {
  const { input, items, idOf, requestedIds } = request;
  refuseDryRun(sim, input);
  const known = new Set(items.map(idOf));
  requireKnownIds(sim, requestedIds, (id) => known.has(id), request.notFound.code, request.notFound.noun);
  const requested = listGiven(requestedIds)
    ? items.filter((item) => requestedIds.includes(idOf(item)))
    : items;
  const described = applyFilters(
    sim,
    requested.map(request.describe),
    input.Filters,
    request.fields,
    request.tagsOf,
  );
  if (!request.pageRange) return { page: described, nextToken: undefined };
  return paginate(sim, request.command, described, input, request.pageRange);
}
