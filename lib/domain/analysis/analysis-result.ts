// The shape of one analysis run (CLI `analyze --json`, the nightly report, the tags written back).
import type { AttachedAppliance } from '../model';
import type { Prices } from '../pricing/prices';

export const FINDING_CODES = [
  'IDLE',
  'UNROUTED',
  'OFF_HOURS_CANDIDATE',
  'GATEWAY_ENDPOINT_S3',
  'GATEWAY_ENDPOINT_DYNAMODB',
  'CROSS_AZ',
  'PORT_ALLOCATION_ERRORS',
  'PACKET_DROPS',
  'SINGLE_AZ',
  'MALFORMED_TAG',
  // Regional NAT gateways (docs/regional-nat-gateways.md): the mode-aware counterparts of CROSS_AZ and SINGLE_AZ,
  // and the comparison of a VPC's zonal gateways with one regional gateway (and the reverse).
  'REGIONAL_IDLE_AZ',
  'REGIONAL_UNCOVERED_AZ',
  'REGIONAL_CANDIDATE',
  'ZONAL_CANDIDATE',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'info' | 'low' | 'medium' | 'high';

/** A warning that applies to many findings alike: reports print it once, findings refer to it by id. */
export interface FindingCaveat {
  id: string;
  text: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One or two sentences a person understands: what was seen, why it matters, what to do. */
  message: string;
  /** USD per month; null where no saving can be computed (e.g. a reliability finding). */
  estimatedMonthlySavings: number | null;
  /** For OFF_HOURS_CANDIDATE: a `nat-optimizer:schedule` value derived from the traffic profile. */
  proposedSchedule?: string;
  /** Machine-readable figures behind the message (route table ids, bytes, ratios…). */
  details?: Record<string, unknown>;
  /** Warnings shared with other findings (the same text each time), kept out of the message. */
  caveats?: FindingCaveat[];
}

export interface GatewayCost {
  hourly: number;
  dataProcessing: number;
  total: number;
}

/** One AZ of a regional gateway: its bytes, and its share of the cost. */
export interface ZoneCost {
  availabilityZone: string;
  processedBytes: number;
  /** This AZ's billed hours (the gateway's) at the hourly price, and its own bytes at the per-GB price. */
  cost: GatewayCost;
}

export interface GatewayAnalysis {
  natGatewayId: string;
  name: string;
  vpcId: string;
  availabilityZone: string;
  subnetId: string;
  state: string;
  connectivityType: string;
  /** Billed hours of the gateway inside the window. */
  billedHours: number;
  processedBytes: number;
  cost: GatewayCost;
  projectedMonthlyCost: number;
  /** Route tables whose routes target this gateway. */
  routeTableIds: string[];
  /** Processed bytes per metric period (hourly), for charts. */
  hourlyProcessedBytes: number[];
  findings: Finding[];
  /** Regional gateways only (additive to Contract 3): mode, AZs and the cost split per AZ. */
  availabilityMode?: 'regional';
  /** `automatic` or `manual` (AutoProvisionZones enabled or disabled). */
  regionalMode?: 'automatic' | 'manual';
  availabilityZones?: string[];
  /** The regional gateway's own route table (its route to the internet gateway). */
  ownRouteTableId?: string;
  /** AZ-hours billed: billedHours × the AZs it is configured in. */
  billedZoneHours?: number;
  perAvailabilityZone?: ZoneCost[];
  /** Why its traffic is unknown (metrics not readable with the right dimensions): its data cost is not known. */
  metricsUnreadable?: string;
  /** Appliances attached to it (e.g. a Network Firewall proxy): nat-optimizer never changes such a gateway. */
  attachedAppliances?: AttachedAppliance[];
}

export interface GatewayChange {
  natGatewayId: string;
  name: string;
  /** No figures from an earlier run: a gateway that appeared (or was never analysed) since. */
  isNew: boolean;
  newFindings: FindingCode[];
  resolvedFindings: string[];
  monthlyCost: { before: number | null; after: number };
  monthlySavings: { before: number | null; after: number };
}

/** What changed since the previous nightly run (lib/domain/analysis/report-changes.ts). */
export interface ReportChanges {
  /** The latest earlier analysis found on any gateway; null on a first report. */
  previousAt: string | null;
  /** Gateways that carried earlier figures. */
  comparedGateways: number;
  /** Only gateways where something changed: new gateways, new or resolved findings, a significant cost move. */
  gateways: GatewayChange[];
  totals: {
    monthlyCost: { before: number; after: number };
    monthlySavings: { before: number; after: number };
  };
}

export interface AnalysisResult {
  region: string;
  generatedAt: string;
  window: { start: string; end: string; hours: number };
  prices: Prices;
  natGateways: GatewayAnalysis[];
  totals: { cost: number; projectedMonthlyCost: number; estimatedMonthlySavings: number };
  /** Problems that did not stop the run (missing attribution, a malformed tag…). */
  warnings: string[];
  /** Against the figures the previous nightly run left in tags; absent when the run did not read them. */
  sinceLastReport?: ReportChanges;
}
