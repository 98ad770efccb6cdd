// What the daily cost alert reports: each alert (Contract 3 `alert` JSON), the run's one message and its figures.
import type { AlertDecisionContext } from './alert-context';
import type { CostAlert, GatewayTagProblem, TagWrite } from './alert-model';

export interface AlertNotification {
  subject: string;
  body: string;
  /** String message attributes: severity, kind, kinds, region, date. */
  attributes: Record<string, string>;
}

/** Contract 3: natGatewayId, kind, cost, baseline, subject, message; and the figures behind them. */
export interface AlertOutput extends Omit<CostAlert, 'cause'> {
  name: string;
  /** Traffic direction that grew against the usual day: from-source (outbound) or from-destination (inbound). */
  grewDirection: string | null;
  monthToDate: number;
  projectedMonthEnd: number;
  subject: string;
  message: string;
}

export type AlertRunResult = 'sent' | 'planned' | 'nothing-to-send' | 'no-topic' | 'collected';

export interface CostAlertResult {
  date: string;
  timezone: string;
  region: string;
  /** The alerts this run sends (without --apply on AWS: would send). */
  alerts: AlertOutput[];
  published: boolean;
  result: AlertRunResult;
  /** The one message of the run, sent or to be sent. */
  notification: AlertNotification | null;
  events: number;
  /** With `collect` (an organisation run): the memory tags to write once the organisation's message is out. */
  record?: TagWrite[];
  /** Due, but sent by an earlier run. */
  suppressed: Array<{ natGatewayId: string | null; kind: string; reason: string }>;
  tagProblems: GatewayTagProblem[];
  warnings: string[];
  totals: AlertDecisionContext['totals'];
  gateways: Array<{
    natGatewayId: string;
    name: string;
    dayCost: number;
    baselineDays: number;
    monthToDate: number;
    projectedMonthEnd: number;
  }>;
}
