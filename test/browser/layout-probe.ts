// What the browser probe (layout-probe.browser.js) measures in a page, checked with a schema on the way back.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { z } from 'zod';

export interface ChartBox {
  what: string;
  width: number;
  height: number;
  right: number;
}

export interface LayoutReport {
  /** The document's scroll width: wider than the viewport means the page scrolls sideways. */
  pageWidth: number;
  pageHeight: number;
  charts: ChartBox[];
  /** Elements whose content is wider than their box, outside any box meant to scroll. */
  overflowing: string[];
  /** On-screen height of the smallest SVG text, in CSS pixels. */
  smallestSvgText: number;
  /** Smallest computed font size of an HTML element holding text. */
  smallestHtmlText: number;
  /** Rows of the all-gateways table and the height of the box it scrolls in. */
  tableRows: number;
  tableBoxHeight: number;
  /** Every URL the page asked for (filled in by the test). */
  requested: string[];
}

const layoutSchema = z.object({
  pageWidth: z.number(),
  pageHeight: z.number(),
  charts: z.array(z.object({ what: z.string(), width: z.number(), height: z.number(), right: z.number() })),
  overflowing: z.array(z.string()),
  smallestSvgText: z.number().nullable(),
  smallestHtmlText: z.number().nullable(),
  tableRows: z.number(),
  tableBoxHeight: z.number().nullable(),
  requested: z.array(z.string()),
});

const PROBE = new URL('./layout-probe.browser.js', import.meta.url);

/** The probe says null for "none found"; here that is Infinity, which no bound accepts by mistake. */
export async function measureLayout(page: Page): Promise<LayoutReport> {
  const measured = layoutSchema.parse(await page.evaluate(await readFile(PROBE, 'utf8')));
  return {
    ...measured,
    smallestSvgText: measured.smallestSvgText ?? Number.POSITIVE_INFINITY,
    smallestHtmlText: measured.smallestHtmlText ?? Number.POSITIVE_INFINITY,
    tableBoxHeight: measured.tableBoxHeight ?? Number.POSITIVE_INFINITY,
  };
}
