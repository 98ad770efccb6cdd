// Plain-text tables and text fitting for terminals and emails. Widths ignore ANSI colour codes.

/** Plain-text email lines: fits every mail client without rewrapping. */
export const EMAIL_LINE_WIDTH = 76;

export type Align = 'left' | 'right';

export interface TextTableOptions {
  align?: Align[];
  /** Put an empty line between rows: useful when cells span several lines. */
  separateRows?: boolean;
  /** A last row (totals) set off from the body by a rule. */
  footer?: string[];
}

const COLUMN_GAP = '  ';
const ELLIPSIS = '…';
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point.
const ANSI_SEQUENCE = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what gets removed.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** Characters a person sees: ANSI sequences removed, one per code point. */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI_SEQUENCE, '')].length;
}

/** One line of user text (a tag value): control characters, line breaks included, become a space. */
export function singleLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Cut to `width` characters, marking the cut with an ellipsis. Plain text only (no ANSI). */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return `${chars.slice(0, width - 1).join('')}${ELLIPSIS}`;
}

/** Greedy word wrap to `width`; a word longer than the width gets a line of its own. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (visibleWidth(line) + 1 + visibleWidth(word) <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** A shell command over several lines of at most `width` (continued with " \\"), still runnable when pasted. */
export function wrapCommand(command: string, width: number): string[] {
  const continued = ' \\';
  const lines = wrapText(command, Math.max(1, width - continued.length));
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}${continued}` : line));
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? `${fill}${text}` : `${text}${fill}`;
}

/**
 * Columns sized to their widest cell, separated by two spaces, with a dashed rule under the headers.
 * A cell may hold several lines (separated by "\n"); trailing spaces are trimmed.
 */
export function renderTextTable(headers: string[], rows: string[][], options: TextTableOptions = {}): string {
  const columnCount = Math.max(headers.length, ...rows.map((row) => row.length));
  const columns = Array.from({ length: columnCount }, (_, i) => i);
  const split = (row: string[]): string[][] => columns.map((i) => (row[i] ?? '').split('\n'));
  const headerCells = split(headers);
  const bodyCells = rows.map(split);
  const footerCells = options.footer === undefined ? [] : [split(options.footer)];
  const widths = columns.map((i) =>
    Math.max(
      0,
      ...[headerCells, ...bodyCells, ...footerCells].flatMap((row) => (row[i] ?? []).map(visibleWidth)),
    ),
  );
  const alignOf = (i: number): Align => options.align?.[i] ?? 'left';

  const renderRow = (cells: string[][]): string[] => {
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    return Array.from({ length: height }, (_, lineIndex) =>
      columns
        .map((i) => pad(cells[i]?.[lineIndex] ?? '', widths[i] ?? 0, alignOf(i)))
        .join(COLUMN_GAP)
        .trimEnd(),
    );
  };

  const rule = columns.map((i) => '-'.repeat(widths[i] ?? 0)).join(COLUMN_GAP);
  const body = bodyCells.flatMap((cells, index) => {
    const lines = renderRow(cells);
    return options.separateRows && index > 0 ? ['', ...lines] : lines;
  });
  const footer = footerCells.flatMap((cells) => [rule, ...renderRow(cells)]);
  return [...renderRow(headerCells), rule, ...body, ...footer].join('\n');
}
