// The frame every HTML report shares: one self-contained page (inline CSS, no script, no external URL),
// built from sections so that other reports (an organisation, a demo) put their own parts in the same frame.

import { escapeHtml } from './html-escape';
import { REPORT_CSS } from './html-styles';

export interface HtmlSection {
  id: string;
  /** Shown in the navigation; the title when absent. */
  navLabel?: string;
  title: string;
  /** Already-escaped HTML under the title. */
  intro?: string;
  /** The caller's own markup. */
  body: string;
}

export interface HtmlPage {
  title: string;
  /** Plain text under the title (window, generation time). */
  meta?: string;
  /** Markup between the header and the sections (headline figures, warnings). */
  lead?: string;
  sections: HtmlSection[];
  /** Already-escaped HTML at the bottom. */
  footer?: string;
}

export function renderSection(section: HtmlSection): string {
  const intro = section.intro ? `<p class="intro">${section.intro}</p>` : '';
  return `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>${intro}${section.body}</section>`;
}

/** One headline figure: label, value (markup), and a line under it. */
export function kpi(kind: string, label: string, value: string, sub: string): string {
  return `<div class="kpi ${kind}"><div class="label">${escapeHtml(label)}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
}

export function renderHtmlPage(page: HtmlPage): string {
  const nav =
    page.sections.length > 1
      ? `<nav>${page.sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.navLabel ?? s.title)}</a>`).join('')}</nav>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(page.title)}</h1>
${page.meta ? `<p class="meta">${escapeHtml(page.meta)}</p>` : ''}
${nav}
</header>
${page.lead ?? ''}
${page.sections.map(renderSection).join('\n')}
${page.footer ? `<footer>${page.footer}</footer>` : ''}
</main>
</body>
</html>
`;
}
