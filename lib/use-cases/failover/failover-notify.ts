// Announces a failover outcome: an SNS message for people and an EventBridge event for machines.

import { publishMessage, putEvents } from '../../aws/notify';
import type { CoreConfig } from '../../config/core-config';
import type { GatewayOutcome, Notified } from '../../domain/failover/failover-result';
import { routesMoved } from '../../domain/failover/failover-result';
import { describeError } from '../../errors';
import { failoverNotice } from '../../report/failover-message';
import type { Runtime } from '../../runtime';

/** Failovers, failbacks and failovers with no target are announced; nothing else is. */
export async function announceOutcome(
  runtime: Runtime,
  core: CoreConfig,
  outcome: GatewayOutcome,
  alarmName: string | null,
): Promise<Notified> {
  const notified: Notified = { sns: false, event: false };
  if (
    !runtime.apply ||
    (routesMoved(outcome.actions) === 0 &&
      !outcome.noTarget &&
      !outcome.actions.some((a) => a.result === 'failed'))
  ) {
    return notified;
  }
  const notice = failoverNotice(outcome, alarmName, runtime.region);
  try {
    if (core.topicArn) {
      await publishMessage(runtime.clients.sns, core.topicArn, notice);
      notified.sns = true;
    }
    await putEvents(
      runtime.clients.eventbridge,
      [{ detailType: notice.detailType, detail: { alarmName, ...outcome } }],
      core.eventBusName,
    );
    notified.event = true;
  } catch (error) {
    // The routes have moved: a lost notification must not make Lambda retry the move, but it is reported.
    notified.error = describeError(error);
  }
  return notified;
}
