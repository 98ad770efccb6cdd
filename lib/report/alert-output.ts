// Each alert as the CLI's JSON (Contract 3) and as an EventBridge event.

import type { AlertDecisionContext } from '../domain/alerts/alert-context';
import type { CostAlert } from '../domain/alerts/alert-model';
import type { AlertOutput } from '../domain/alerts/alert-result';

import { alertSection, alertSubject } from './alert-text';

export const ALERT_EVENT_DETAIL_TYPE = 'NAT Gateway Cost Alert';

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
