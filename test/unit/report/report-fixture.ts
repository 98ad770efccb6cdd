// AnalysisResult objects for the report tests: us-east-1 prices, a 14-day window, costs that add up.

import type { AnalysisResult, Finding, GatewayAnalysis } from '../../../lib/domain/analysis/analysis-result';
import { GIB } from '../../../lib/domain/pricing/cost-model';
import type { Prices } from '../../../lib/domain/pricing/prices';

const HOURS_PER_MONTH = 730;
export const WINDOW_HOURS = 336;
export const WINDOW_START = '2026-11-02T00:00:00.000Z';

export const PRICES: Prices = {
  natGatewayHourly: 0.045,
  natGatewayPerGb: 0.045,
  publicIpv4Hourly: 0.005,
  crossAzPerGb: 0.01,
  source: 'built-in',
  sources: { natGatewayHourly: 'built-in', natGatewayPerGb: 'built-in' },
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** GiB per hour for each hour of the window; `shape(hourOfDay, dayOfWeek)` with 0 = Monday (the window starts on a Monday). */
export function hourlySeries(shape: (hourOfDay: number, dayOfWeek: number) => number): number[] {
  return Array.from({ length: WINDOW_HOURS }, (_, h) =>
    Math.round(shape(h % 24, Math.floor(h / 24) % 7) * GIB),
  );
}

const busy = (hour: number): number => 18 + 9 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
const officeHours = (hour: number, day: number): number => (day < 5 && hour >= 6 && hour < 18 ? 0.9 : 0.004);

export interface GatewayInput {
  natGatewayId: string;
  name: string;
  availabilityZone: string;
  hourlyProcessedBytes: number[];
  findings: Finding[];
  state?: string;
}

export function gatewayAnalysis(input: GatewayInput): GatewayAnalysis {
  const processedBytes = input.hourlyProcessedBytes.reduce((a, b) => a + b, 0);
  const hourly = round2(WINDOW_HOURS * PRICES.natGatewayHourly);
  const dataProcessing = round2((processedBytes / GIB) * PRICES.natGatewayPerGb);
  const total = round2(hourly + dataProcessing);
  return {
    natGatewayId: input.natGatewayId,
    name: input.name,
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    availabilityZone: input.availabilityZone,
    subnetId: `subnet-${input.natGatewayId.slice(4)}`,
    state: input.state ?? 'available',
    connectivityType: 'public',
    billedHours: WINDOW_HOURS,
    processedBytes,
    cost: { hourly, dataProcessing, total },
    projectedMonthlyCost: round2((total / WINDOW_HOURS) * HOURS_PER_MONTH),
    routeTableIds: ['rtb-0f1e2d3c4b5a69788'],
    hourlyProcessedBytes: input.hourlyProcessedBytes,
    findings: input.findings,
  };
}

export function analysisResult(gateways: GatewayAnalysis[], warnings: string[] = []): AnalysisResult {
  const sum = (pick: (g: GatewayAnalysis) => number): number =>
    round2(gateways.reduce((a, g) => a + pick(g), 0));
  const savings = (g: GatewayAnalysis): number =>
    g.findings.reduce((a, f) => a + (f.estimatedMonthlySavings ?? 0), 0);
  return {
    region: 'us-east-1',
    generatedAt: '2026-11-16T00:05:00.000Z',
    window: { start: WINDOW_START, end: '2026-11-16T00:00:00.000Z', hours: WINDOW_HOURS },
    prices: PRICES,
    natGateways: gateways,
    totals: {
      cost: sum((g) => g.cost.total),
      projectedMonthlyCost: sum((g) => g.projectedMonthlyCost),
      estimatedMonthlySavings: sum(savings),
    },
    warnings,
  };
}

export const PROD = gatewayAnalysis({
  natGatewayId: 'nat-c96c07fb2aecb9170',
  name: 'prod-nat-a',
  availabilityZone: 'us-east-1a',
  hourlyProcessedBytes: hourlySeries(busy),
  findings: [
    {
      code: 'GATEWAY_ENDPOINT_S3',
      severity: 'high',
      message:
        '62% of the traffic through this gateway goes to Amazon S3. Add an S3 gateway endpoint (free) to route table rtb-0f1e2d3c4b5a69788 to stop paying data processing for it.',
      estimatedMonthlySavings: 271.44,
    },
    {
      code: 'PORT_ALLOCATION_ERRORS',
      severity: 'medium',
      message: '1,204 port allocation errors: connections to one destination exceed 55,000 per address.',
      estimatedMonthlySavings: null,
    },
  ],
});

export const DEV = gatewayAnalysis({
  natGatewayId: 'nat-7180befc6423033bd',
  name: 'dev-nat-a',
  availabilityZone: 'us-east-1b',
  hourlyProcessedBytes: hourlySeries(officeHours),
  findings: [
    {
      code: 'OFF_HOURS_CANDIDATE',
      severity: 'medium',
      message: 'Traffic is near zero outside weekday office hours: park it 108 hours a week.',
      estimatedMonthlySavings: 21.11,
      proposedSchedule: 'Mon-Fri@06:00-18:00',
      details: { timezone: 'Europe/Berlin' },
    },
  ],
});

export const IDLE = gatewayAnalysis({
  natGatewayId: 'nat-52cf005357c9389f4',
  name: 'forgotten-nat',
  availabilityZone: 'us-east-1c',
  hourlyProcessedBytes: hourlySeries(() => 0),
  findings: [
    {
      code: 'IDLE',
      severity: 'high',
      message: 'No traffic in 14 days and no route table sends traffic to it: delete it.',
      estimatedMonthlySavings: 32.85,
    },
    {
      code: 'UNROUTED',
      severity: 'low',
      message: 'No route table has a route to this gateway.',
      estimatedMonthlySavings: null,
    },
  ],
});

/** prod, dev and an idle gateway: 5 findings, $325.40/month of savings. */
export function typicalResult(): AnalysisResult {
  return analysisResult(
    [PROD, DEV, IDLE],
    ['No flow-log attribution for nat-7180befc6423033bd: S3 share unknown.'],
  );
}

/** `count` gateways, each with a finding whose saving grows with its index (the last saves the most). */
export function manyGatewaysResult(count: number, name = (i: number) => `team-${i}-nat`): AnalysisResult {
  const gateways = Array.from({ length: count }, (_, i) =>
    gatewayAnalysis({
      natGatewayId: `nat-${i.toString(16).padStart(17, '0')}`,
      name: name(i),
      availabilityZone: `us-east-1${'abcdef'[i % 6]}`,
      hourlyProcessedBytes: hourlySeries((hour) => 0.1 + (i % 7) * busy(hour) * 0.01),
      findings: [
        {
          code: 'OFF_HOURS_CANDIDATE',
          severity: 'medium',
          message: `Quiet outside office hours; park it. Gateway number ${i}.`,
          estimatedMonthlySavings: round2(1 + i / 100),
          proposedSchedule: 'Mon-Fri@07:00-19:00',
        },
      ],
    }),
  );
  return analysisResult(gateways);
}
