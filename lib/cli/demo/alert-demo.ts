// Demo part: the daily cost alert on a copy of the example account where one gateway's downloads jump on the last day.
import { configWith } from '../../config';
import { HOURS_PER_DAY } from '../../domain/time-units';
import { alertHeadline, alertOutcome, alertTable, renderAlertTable } from '../../report/alert-table';
import { escapeHtml } from '../../report/html-escape';
import { htmlParagraphs, htmlTable } from '../../report/html-table';
import { simRuntime, snapshotAttribution } from '../../sim/sim-runtime';
import { createSimulatedAccount } from '../../sim/simulated-account';
import { loadSnapshotFile } from '../../sim/snapshot-load';
import type { Snapshot } from '../../sim/snapshot-schema';
import { publishedMessages } from '../../sim/sns';
import { runCostAlert } from '../../use-cases/alerts/cost-alert';
import type { DemoSection } from './demo-section';

const JUMP_FACTOR = 4;

/** The gateway with the most traffic after the busiest one: its last day's inbound bytes are multiplied. */
function jumpOnLastDay(snapshot: Snapshot): string | undefined {
  const ranked = Object.entries(snapshot.metrics.natGateways)
    .map(([id, series]) => ({ id, bytes: (series.BytesInFromDestination ?? []).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.bytes - a.bytes);
  const target = ranked[1] ?? ranked[0];
  const series = target ? snapshot.metrics.natGateways[target.id]?.BytesInFromDestination : undefined;
  if (!target || !series) return undefined;
  for (let i = Math.max(0, series.length - HOURS_PER_DAY); i < series.length; i += 1) {
    series[i] = (series[i] ?? 0) * JUMP_FACTOR;
  }
  return target.id;
}

export async function alertDemo(examplePath: string): Promise<DemoSection> {
  const snapshot = await loadSnapshotFile(examplePath);
  const changed = jumpOnLastDay(snapshot);
  const account = createSimulatedAccount(snapshot);
  const config = configWith('costAlert', { AWS_REGION: snapshot.region });
  const options = {
    topicArn: `arn:aws:sns:${snapshot.region}:${snapshot.accountId}:nat-optimizer-alerts`,
    attribution: snapshotAttribution(account.sim),
  };
  const first = await runCostAlert(simRuntime(account), config, options);
  const again = await runCostAlert(simRuntime(account), config, options);
  const name = snapshot.natGateways.find((g) => g.natGatewayId === changed)?.tags.Name ?? changed;
  const intro =
    `In this copy of the example account, ${name} (${changed}) downloaded ${JUMP_FACTOR}x its usual traffic ` +
    `on ${first.date} (BytesInFromDestination of the last 24 hours multiplied by ${JUMP_FACTOR}).`;
  const rerun =
    `Run again for the same day: ${again.alerts.length} new alerts, ${again.suppressed.length} already sent; ` +
    `SNS messages published in total: ${publishedMessages(account.sim).length}.`;
  const title = `Daily cost alert — ${snapshot.region}, ${first.date}`;
  const data = alertTable(first);
  const message = first.notification
    ? `<p><strong>Subject:</strong> ${escapeHtml(first.notification.subject)}</p><pre class="commands">${escapeHtml(first.notification.body)}</pre>`
    : '';
  const body = [
    htmlParagraphs([intro, alertHeadline(first)]),
    htmlTable(data.headers, data.rows, {
      ...(data.align ? { align: data.align } : {}),
      ...(data.footer ? { footer: data.footer } : {}),
    }),
    htmlParagraphs(first.tagProblems.map((p) => p.message)),
    message,
    htmlParagraphs([alertOutcome(first), rerun]),
  ].join('\n');
  return {
    title,
    text: [intro, '', renderAlertTable(first), '', rerun].join('\n'),
    html: { sections: [{ id: 'alert', navLabel: 'cost alert', title, body }] },
  };
}
