// Demo part: a day of the example account's scheduled gateway (dev, Mon-Fri 07:00-19:00 Berlin) parked and unparked.
import { configWith } from '../../config';
import { USER_TAGS } from '../../domain/tag-keys';
import { DAY_MS } from '../../domain/time-units';
import { escapeHtml } from '../../report/html-escape';
import { htmlParagraphs, htmlTable } from '../../report/html-table';
import { renderReplayTable, replayTables } from '../../report/schedule-table';
import { wrapText } from '../../report/text-table';
import { simRuntime } from '../../sim/sim-runtime';
import { createSimulatedAccount } from '../../sim/simulated-account';
import { loadSnapshotFile } from '../../sim/snapshot-load';
import { replaySchedule } from '../../use-cases/scheduler/schedule-replay';
import type { DemoSection } from './demo-section';

const STEP_MINUTES = 15;
const INTRO_WIDTH = 105;

export async function scheduleDemo(examplePath: string): Promise<DemoSection> {
  const snapshot = await loadSnapshotFile(examplePath);
  const account = createSimulatedAccount(snapshot);
  const config = configWith('scheduleReplay', { AWS_REGION: snapshot.region });
  const from = account.sim.now();
  const to = new Date(from.getTime() + DAY_MS);
  const clock = { set: (at: Date) => account.sim.setClock(at) };
  const result = await replaySchedule(simRuntime(account), config, clock, {
    from,
    to,
    stepMinutes: STEP_MINUTES,
  });
  const scheduled = snapshot.natGateways
    .filter((g) => g.tags[USER_TAGS.schedule] !== undefined)
    .map(
      (g) =>
        `${g.tags.Name ?? g.natGatewayId} (${g.natGatewayId}): ${g.tags[USER_TAGS.schedule]} ${g.tags[USER_TAGS.timezone] ?? config.schedule.settings.defaultTimezone}`,
    );
  const runs = `The scheduler runs every ${STEP_MINUTES} minutes for one day from ${result.from}. Opted in:`;
  const meaning =
    'Parked: deleted, its Elastic IP kept and tagged with what brings it back; unparked: recreated in the same ' +
    'subnet with the same Elastic IP and tags, routes pointed back once it is available.';
  const intro = [runs, ...scheduled.map((line) => `  ${line}`), ...wrapText(meaning, INTRO_WIDTH), ''].join(
    '\n',
  );
  const tables = replayTables(result);
  const body = [
    htmlParagraphs([runs]),
    `<ul class="plain">${scheduled.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    htmlParagraphs([meaning]),
    htmlParagraphs([tables.title]),
    tables.actions.rows.length > 0
      ? htmlTable(tables.actions.headers, tables.actions.rows)
      : htmlParagraphs(['No action in this period.']),
    htmlTable(tables.savings.headers, tables.savings.rows, {
      ...(tables.savings.align ? { align: tables.savings.align } : {}),
      ...(tables.savings.footer ? { footer: tables.savings.footer } : {}),
    }),
    htmlParagraphs(tables.notes),
  ].join('\n');
  const title = 'Off-hours: a day of parking and unparking';
  return {
    title,
    text: `${intro}${renderReplayTable(result)}`,
    html: { sections: [{ id: 'schedule', navLabel: 'parking', title, body }] },
  };
}
