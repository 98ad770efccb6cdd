// EC2's request token buckets, per account and region, one bucket per API action sized by the action's category:
// https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html ("Request token bucket sizes and refill
// rates"). The client-side pacer (request-pacing.ts) and the simulated account both read this one table.

export interface RequestLimit {
  /** The category the action falls in, as the EC2 documentation names it. */
  category: string;
  /** Bucket maximum capacity: requests that can go out at once from a full bucket. */
  capacity: number;
  /** Bucket refill rate, tokens per second. */
  refillPerSecond: number;
}

const NON_MUTATING: RequestLimit = { category: 'non-mutating', capacity: 100, refillPerSecond: 20 };
const UNFILTERED_NON_MUTATING: RequestLimit = {
  category: 'unfiltered and unpaginated non-mutating',
  capacity: 50,
  refillPerSecond: 10,
};
const MUTATING: RequestLimit = { category: 'mutating', capacity: 50, refillPerSecond: 5 };

/** Actions with their own bucket ("uncategorized actions") among those this project sends or may send. */
const UNCATEGORIZED: Readonly<Record<string, Omit<RequestLimit, 'category'>>> = {
  CreateTags: { capacity: 100, refillPerSecond: 10 },
  DeleteTags: { capacity: 100, refillPerSecond: 10 },
  CreateNatGateway: { capacity: 10, refillPerSecond: 1 },
  DeleteNatGateway: { capacity: 10, refillPerSecond: 1 },
  AssociateNatGatewayAddress: { capacity: 10, refillPerSecond: 1 },
  DisassociateNatGatewayAddress: { capacity: 10, refillPerSecond: 1 },
  AssignPrivateNatGatewayAddress: { capacity: 10, refillPerSecond: 1 },
  UnassignPrivateNatGatewayAddress: { capacity: 10, refillPerSecond: 1 },
  CreateVpcEndpoint: { capacity: 4, refillPerSecond: 0.3 },
  ModifyVpcEndpoint: { capacity: 4, refillPerSecond: 0.3 },
  DeleteVpcEndpoints: { capacity: 4, refillPerSecond: 0.3 },
  CreateNetworkInterface: { capacity: 100, refillPerSecond: 5 },
  DeleteNetworkInterface: { capacity: 100, refillPerSecond: 5 },
};

/** These draw from the smaller bucket when asked without a filter and without pagination. */
const UNFILTERED_SENSITIVE: ReadonlySet<string> = new Set([
  'DescribeInstances',
  'DescribeInstanceStatus',
  'DescribeNetworkInterfaces',
  'DescribeSecurityGroups',
  'DescribeSnapshots',
  'DescribeSpotInstanceRequests',
  'DescribeVolumes',
]);

const NON_MUTATING_PREFIXES = ['Describe', 'List', 'Search', 'Get'];

function filteredOrPaginated(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  return ['Filters', 'Filter', 'MaxResults', 'NextToken'].some(
    (key) => Reflect.get(input, key) !== undefined,
  );
}

/** The bucket one EC2 request draws from (`action` without the SDK's `Command` suffix). */
export function ec2RequestLimit(action: string, input?: unknown): RequestLimit {
  const own = UNCATEGORIZED[action];
  if (own) return { category: action, ...own };
  if (!NON_MUTATING_PREFIXES.some((prefix) => action.startsWith(prefix))) return MUTATING;
  if (UNFILTERED_SENSITIVE.has(action) && !filteredOrPaginated(input)) return UNFILTERED_NON_MUTATING;
  return NON_MUTATING;
}

/** The key of the bucket: actions are throttled one by one, the small unfiltered bucket apart from the big one. */
export function ec2BucketKey(action: string, input?: unknown): string {
  const limit = ec2RequestLimit(action, input);
  return limit === UNFILTERED_NON_MUTATING ? `${action} (unfiltered)` : action;
}
