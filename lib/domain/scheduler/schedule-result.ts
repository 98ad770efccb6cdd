// What the scheduler reports: one run (Contract 3 `schedule` JSON) and a replayed period with its savings.
import type { ActionResult } from '../action-result';
import type { LineageSavings } from './park-savings';
import type { ScheduleAction } from './schedule-plan';

export interface ScheduleActionReport {
  natGatewayId: string;
  action: ScheduleAction;
  reason: string;
  routeTableIds: string[];
  result: ActionResult;
  /** The gateway an unpark created. */
  newNatGatewayId?: string;
  /** Steps carried out (or, for a plan, to carry out). */
  steps: string[];
  estimatedHoursSaved?: number;
}

export interface ScheduleResult {
  at: string;
  region: string;
  actions: ScheduleActionReport[];
  summary: {
    parked: number;
    unparked: number;
    postponed: number;
    failed: number;
    estimatedHoursSaved: number;
  };
}

export interface ReplayResult {
  from: string;
  to: string;
  stepMinutes: number;
  runs: number;
  prices: { natGatewayHourly: number; publicIpv4Hourly: number; source: string };
  actions: Array<ScheduleActionReport & { at: string }>;
  gateways: LineageSavings[];
  totals: Omit<LineageSavings, 'natGatewayId'>;
}
