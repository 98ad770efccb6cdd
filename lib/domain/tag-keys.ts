// Contract 1: every tag key the optimizer reads or writes, defined once (docs/tags.md documents each).
// Values are checked and encoded by tag-values.ts.

export const TAG_PREFIX = 'nat-optimizer:';

/** Set by users on NAT gateways. */
export const USER_TAGS = {
  schedule: 'nat-optimizer:schedule',
  timezone: 'nat-optimizer:timezone',
  offHours: 'nat-optimizer:off-hours',
  failover: 'nat-optimizer:failover',
} as const;

/** The values the user tags with a fixed vocabulary accept (case-insensitive). */
export const USER_TAG_VALUES = {
  offHours: ['park', 'consolidate'],
  failover: ['on', 'off'],
} as const;

/** Written by the nightly analysis onto each gateway: its latest figures. */
export const ANALYSIS_TAGS = {
  analyzedAt: 'nat-optimizer:analyzed-at',
  monthlyCost: 'nat-optimizer:monthly-cost',
  monthlySavings: 'nat-optimizer:monthly-savings',
  findings: 'nat-optimizer:findings',
} as const;

/**
 * Route-table tags read by both the scheduler and failover, so neither moves a table the other holds.
 * - parkedGateway: the table's default route pointed at this gateway before it was parked.
 * - failoverFrom / failoverTo / failoverAt: the table was failed over from → to at that instant.
 * - failoverVia: on a second move (the target failed too), the gateway the route was on before it; written with
 *   failoverTo before the route moves, so a crash or a refused move in between still leaves a known target.
 */
export const ROUTE_TABLE_TAGS = {
  parkedGateway: 'nat-optimizer:parked-gateway',
  failoverFrom: 'nat-optimizer:failover-from',
  failoverTo: 'nat-optimizer:failover-to',
  failoverAt: 'nat-optimizer:failover-at',
  failoverVia: 'nat-optimizer:failover-via',
} as const;

/**
 * The park record: everything unpark needs to bring the gateway back. It lives where it survives the gateway's
 * deletion: on the primary Elastic IP of a public gateway, on the route tables of a private one (no EIP).
 */
export const PARK_TAGS = {
  /** Id of the parked gateway (also the key on every route table whose default route pointed at it). */
  parkedGateway: ROUTE_TABLE_TAGS.parkedGateway,
  /** Instant the park began (UTC ISO); with the gateway id it makes the recreate's idempotency token. */
  parkedAt: 'nat-optimizer:parked-at',
  /** The step reached: see ParkState (scheduler/park-state.ts). */
  parkState: 'nat-optimizer:park-state',
  parkedSubnet: 'nat-optimizer:parked-subnet',
  parkedConnectivity: 'nat-optimizer:parked-connectivity',
  parkedPrivateIp: 'nat-optimizer:parked-private-ip',
  /** Secondary allocation ids (public) or secondary private IPs (private), space-separated. */
  parkedSecondary: 'nat-optimizer:parked-secondary',
  /** The gateway's own tags, encoded (park-tag-codec); continued in `parked-tags-2`, `parked-tags-3`… */
  parkedTags: 'nat-optimizer:parked-tags',
  /** On a route table whose default route consolidate mode moved: the gateway now carrying it. */
  parkedVia: 'nat-optimizer:parked-via',
  /** Recreate attempts that failed (e.g. Resource.AlreadyAssociated): each retry uses a new token. */
  unparkAttempt: 'nat-optimizer:unpark-attempt',
  /** `regional` for a regional NAT gateway (no subnet); absent for a zonal one. */
  parkedMode: 'nat-optimizer:parked-mode',
  /** A regional gateway's VPC. */
  parkedVpc: 'nat-optimizer:parked-vpc',
  /** A regional gateway's addresses, encoded (park-tag-codec) as allocation id → AZ; continued in `parked-zones-2`… */
  parkedZones: 'nat-optimizer:parked-zones',
} as const;

/** Times the traffic guard postponed a park in the current off period: `<count>@<off period start>`. */
export const PARK_POSTPONED_TAG = 'nat-optimizer:park-postponed';

/** On a recreated gateway: the id of the parked gateway it replaces (how a later run finds a pending one). */
export const RESTORES_TAG = 'nat-optimizer:restores';

/**
 * Set by a person on the gateway (or, while parked, on its EIP or a recorded route table): an ISO instant
 * until which the gateway stays up whatever its schedule; a parked gateway comes back on the next run.
 */
export const KEEP_UP_UNTIL_TAG = 'nat-optimizer:keep-up-until';

export const FAILOVER_TAGS = {
  /** On a NAT gateway (user): the gateway its route tables should fail over to, when that one is healthy. */
  target: 'nat-optimizer:failover-target',
  /** On a VPC (user): `on` lets failover create an emergency gateway when no healthy one exists. */
  emergencyGateway: 'nat-optimizer:emergency-gateway',
  /** On a VPC (user): allocation id of a spare Elastic IP for the emergency gateway. */
  emergencyEip: 'nat-optimizer:emergency-eip',
  /** On a VPC (user): `on` adds the egress probe to its gateways' alarms. On a route table: never moved. */
  egressProbe: 'nat-optimizer:egress-probe',
  /** On a NAT gateway or a VPC (user): `on` adds the 10-second egress-probe alarm (fast detection). */
  fastDetection: 'nat-optimizer:fast-detection',
  /** On an emergency gateway (optimizer): the gateway it stands in for. */
  emergencyFor: 'nat-optimizer:emergency-for',
  /** On an emergency gateway and its Elastic IP (optimizer): the VPC it serves; the EIP is reused next time. */
  emergencyVpc: 'nat-optimizer:emergency-vpc',
  /** On an alarm (optimizer): the gateway it watches. */
  alarmGateway: 'nat-optimizer:nat-gateway-id',
} as const;

export const ALERT_TAGS = {
  /** User: the gateway's own daily limit in USD (`25` or `25.50`); overrides NAT_OPTIMIZER_DAILY_LIMIT_USD. */
  dailyBudget: 'nat-optimizer:daily-budget',
  /** Optimizer: the last day the gateway was alerted on and the kinds sent that day, e.g. `2026-11-15 anomaly threshold`. */
  alerted: 'nat-optimizer:alerted',
  /** Optimizer, on every live gateway of the region: month (YYYY-MM) the monthly-budget alert was sent for. */
  budgetAlerted: 'nat-optimizer:budget-alerted',
  /** Optimizer, on every live gateway of the region: last day (YYYY-MM-DD) an all-clear digest was sent for. */
  allClearSent: 'nat-optimizer:all-clear-sent',
} as const;

/** Marks what the optimizer created (gateways, endpoints, alarms). */
export const MANAGED_TAG = { key: 'nat-optimizer:managed', value: 'true' } as const;
