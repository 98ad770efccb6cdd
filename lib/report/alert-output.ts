// Each alert as the CLI's JSON (Contract 3) and as an EventBridge event.
import type { CostAlert, GatewayTagProblem } from '../domain/alert-model';
import type { AlertDecisionContext } from './alert-context';
import type { AlertNotification } from './alert-message';
import { alertSection, alertSubject } from './alert-text';

export const ALERT_EVENT_DETAIL_TYPE = 'NAT Gateway Cost Alert';

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

export type AlertRunResult = 'sent' | 'planned' | 'nothing-to-send' | 'no-topic';

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

export function alertOutput(alert: CostAlert, context: AlertDecisionContext): AlertOutput {
  const { cause, ...figures } = alert;
  const gateway = alert.natGatewayId ? context.gateways.get(alert.natGatewayId) : undefined;
  return {
    ...figures,
    name: gateway?.name ?? alert.natGatewayId ?? context.region,
    grewDirection: cause?.grew ?? null,
    monthToDate: gateway ? gateway.cost.monthToDate : context.totals.monthToDate,
    projectedMonthEnd: gateway ? gateway.cost.projectedMonthEnd : context.totals.projectedMonthEnd,
    subject: alertSubject(alert, context),
    message: alertSection(alert, context),
  };
}

export function alertEvent(alert: AlertOutput, context: AlertDecisionContext) {
  const { subject, message: _message, ...figures } = alert;
  return {
    detailType: ALERT_EVENT_DETAIL_TYPE,
    detail: { ...figures, subject, date: context.date, timezone: context.timezone, region: context.region },
  };
}
