// A plain HTML table from the same headers and rows the terminal tables use; cells are text (escaped), a cell's
// line breaks become <br>. It scrolls inside its own box on a narrow screen.

import { escapeHtml } from './html-escape';
import type { Align } from './text-table';

export interface HtmlTableOptions {
  align?: Align[];
  footer?: string[];
}

function cell(tag: 'td' | 'th', text: string, align: Align | undefined): string {
  const cls = align === 'right' ? ' class="num"' : '';
  return `<${tag}${cls}>${text.split('\n').map(escapeHtml).join('<br>')}</${tag}>`;
}

export function htmlTable(headers: string[], rows: string[][], options: HtmlTableOptions = {}): string {
  const line = (tag: 'td' | 'th', cells: string[]) =>
    `<tr>${cells.map((c, i) => cell(tag, c, options.align?.[i])).join('')}</tr>`;
  const head = line(
    'th',
    headers.map((h) => h.replace(/\n/g, ' ')),
  );
  const foot = options.footer ? `<tfoot>${line('td', options.footer)}</tfoot>` : '';
  return `<div class="scroll-box"><table class="data"><thead>${head}</thead><tbody>${rows.map((r) => line('td', r)).join('\n')}</tbody>${foot}</table></div>`;
}

/** Paragraphs from lines of text; empty lines are dropped. */
export function htmlParagraphs(lines: readonly string[]): string {
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
}
