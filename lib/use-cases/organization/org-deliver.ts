// After every target: the one message of the run to the hub's topic, then (alert) the memory tags on each alerted
// target, so the same alert is not sent again. Message first, tags second: a crash in between sends again (at least
// once), as the single-account alert does.
import type { SNSClient } from '@aws-sdk/client-sns';
import { publishMessage } from '../../aws/notify';
import { writeTags } from '../../aws/tags';
import type { OrgReport } from '../../domain/organization/org-result';
import type { OrgTarget } from '../../domain/organization/org-targets';
import { composeOrgAlertMessage, composeOrgAnalysisMessage, type OrgMessage } from '../../report/org-message';
import { errorReason, type TargetWorld } from './org-run';

export interface OrgDelivery {
  message: OrgMessage | null;
  published: boolean;
  /** Targets whose alert memory tags were written. */
  remembered: number;
  warnings: string[];
}

export interface DeliveryDeps {
  sns?: SNSClient;
  topicArn?: string;
  /** Whether anything is sent or written (false: a read-only CLI run on AWS). */
  apply: boolean;
  /** A simulated organisation: nothing real can be sent; the tags are still remembered as after a send. */
  simulated: boolean;
  open(target: OrgTarget): Promise<TargetWorld>;
}

export function orgMessage(report: OrgReport): OrgMessage | null {
  if (report.job === 'analyze') return composeOrgAnalysisMessage(report);
  if (report.job === 'alert') return composeOrgAlertMessage(report);
  return null;
}

async function remember(report: OrgReport, deps: DeliveryDeps, warnings: string[]): Promise<number> {
  let remembered = 0;
  for (const target of report.targets) {
    if (target.status !== 'done' || !target.remember || target.remember.length === 0) continue;
    try {
      const { runtime } = await deps.open(target);
      for (const write of target.remember)
        await writeTags(runtime.clients.ec2, write.resourceIds, write.tags);
      remembered += 1;
    } catch (error) {
      warnings.push(
        `${target.accountId}/${target.region}: the alert was sent but could not be remembered (${errorReason(error)}); it may be sent again`,
      );
    }
  }
  return remembered;
}

export async function deliverOrgReport(report: OrgReport, deps: DeliveryDeps): Promise<OrgDelivery> {
  const message = orgMessage(report);
  const warnings: string[] = [];
  let published = false;
  if (message && deps.apply && deps.topicArn && deps.sns) {
    await publishMessage(deps.sns, deps.topicArn, message);
    published = true;
  }
  const delivered = published || (deps.simulated && message !== null);
  const remembered = report.job === 'alert' && delivered ? await remember(report, deps, warnings) : 0;
  return { message, published, remembered, warnings };
}
