// The HTML reports in a real headless Chromium, at a phone's width (390 px) and a desktop's (1400 px), for the
// example account, a generated 2,000-gateway account and the demo page: nothing wider than the page, every
// chart drawn, no text spilling out of its box or too small to read, the page height bounded, nothing loaded
// from anywhere. Screenshots (and the pages) go to reports/screenshots/, which git ignores.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configWith } from '../../lib/config';
import { renderAnalysisHtml } from '../../lib/report/analysis-html';
import { simRuntime, snapshotAttribution } from '../../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../../lib/sim/simulated-account';
import { loadSnapshotFile, parseSnapshot } from '../../lib/sim/snapshot-load';
import type { Snapshot } from '../../lib/sim/snapshot-schema';
import { runAnalysis } from '../../lib/use-cases/analysis/analyze';
import { generateAccount } from '../../scripts/generate-account';
import { runCli } from '../fixtures/cli-run';
import { launchChromium } from './chromium';
import { type LayoutReport, measureLayout } from './layout-probe';

const SCREENSHOTS = fileURLToPath(new URL('../../reports/screenshots/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/example-account.json', import.meta.url));
const WIDTHS = [390, 1400] as const;
const VIEWPORT_HEIGHT = 900;
/** SVG text smaller than this on screen cannot be read (the old bar labels were about 4 px). */
const MIN_SVG_TEXT_PX = 9;
/** HTML text smaller than this cannot be read on a phone (the footer's exponent is the smallest, 10 px). */
const MIN_HTML_TEXT_PX = 10;
/** A 2,000-gateway page may be at most this many times the example's (7 gateways) height. */
const MAX_HEIGHT_RATIO = 2;

interface RenderedAccount {
  name: string;
  file: string;
  layouts: Map<number, LayoutReport>;
}

let browser: Browser;
const accounts: RenderedAccount[] = [];

async function reportOf(snapshot: Snapshot): Promise<string> {
  const account = createSimulatedAccount(snapshot);
  const result = await runAnalysis(
    simRuntime(account),
    configWith('analyze', { AWS_REGION: snapshot.region }),
    snapshotAttribution(account.sim),
  );
  return renderAnalysisHtml(result);
}

async function render(name: string, html: string): Promise<RenderedAccount> {
  const file = `${SCREENSHOTS}${name}.html`;
  await writeFile(file, html);
  const layouts = new Map<number, LayoutReport>();
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: VIEWPORT_HEIGHT } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const layout = await measureLayout(page);
    layouts.set(width, { ...layout, requested });
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true });
    await page.close();
  }
  return { name, file, layouts };
}

function layoutOf(account: RenderedAccount | undefined, width: number): LayoutReport {
  const layout = account?.layouts.get(width);
  if (!layout) throw new Error(`no layout for ${account?.name ?? 'an account'} at ${width} px`);
  return layout;
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  accounts.push(await render('example-account', await reportOf(await loadSnapshotFile(EXAMPLE))));
  const generated = parseSnapshot(JSON.stringify(generateAccount({ gateways: 2000, seed: 1 })), 'generated');
  accounts.push(await render('2000-gateways', await reportOf(generated)));
  const demo = await runCli(['demo', '--format', 'html']);
  if (demo.code !== 0) throw new Error(`demo --format html failed: ${demo.stderr}`);
  accounts.push(await render('demo', demo.stdout));
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['the example account', 0],
  ['a 2,000-gateway account', 1],
  ['the demo (demo --format html)', 2],
])('the HTML report of %s in Chromium', (_label, index) => {
  it.each(WIDTHS)('should not scroll sideways at %i px', (width) => {
    const layout = layoutOf(accounts[index], width);

    expect(layout.pageWidth).toBeLessThanOrEqual(width);
  });

  it.each(WIDTHS)('should draw every chart with a non-zero size at %i px', (width) => {
    const layout = layoutOf(accounts[index], width);

    expect(layout.charts.length).toBeGreaterThan(3);
    expect(layout.charts.filter((c) => !(c.width > 0 && c.height > 0))).toEqual([]);
    expect(layout.charts.filter((c) => c.right > width)).toEqual([]);
  });

  it.each(WIDTHS)('should keep every text inside its box at %i px', (width) => {
    const layout = layoutOf(accounts[index], width);

    expect(layout.overflowing).toEqual([]);
  });

  it.each(WIDTHS)('should draw no text too small to read at %i px', (width) => {
    const layout = layoutOf(accounts[index], width);

    expect(layout.smallestSvgText).toBeGreaterThanOrEqual(MIN_SVG_TEXT_PX);
    expect(layout.smallestHtmlText).toBeGreaterThanOrEqual(MIN_HTML_TEXT_PX);
  });

  it.each(WIDTHS)('should load nothing but the file itself at %i px', (width) => {
    const layout = layoutOf(accounts[index], width);

    expect(layout.requested).toEqual([pathToFileURL(accounts[index]?.file ?? '').href]);
  });
});

describe('the HTML report of a 2,000-gateway account', () => {
  it.each(WIDTHS)('should stay within twice the height of the 7-gateway example at %i px', (width) => {
    const example = layoutOf(accounts[0], width);
    const large = layoutOf(accounts[1], width);

    expect(large.pageHeight).toBeLessThanOrEqual(example.pageHeight * MAX_HEIGHT_RATIO);
  });

  it('should keep every gateway in the table, which scrolls inside its own box', () => {
    const layout = layoutOf(accounts[1], 390);

    expect(layout.tableRows).toBe(2000);
    expect(layout.tableBoxHeight).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
  });
});
