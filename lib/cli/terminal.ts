// What the terminal allows: colour (NO_COLOR / FORCE_COLOR, else only on a TTY) and its width.
import { cliEnvironment } from '../config';

/** Width for tables when stdout is not a terminal (a pipe, a file, CI). */
export const DEFAULT_COLUMNS = 100;

/** Colour on stdout: FORCE_COLOR forces it, NO_COLOR turns it off, otherwise only when stdout is a terminal. */
export function stdoutColor(
  output: string | undefined,
  stream: NodeJS.WriteStream = process.stdout,
): boolean {
  if (output) return false;
  const preference = cliEnvironment().color;
  if (preference !== 'auto') return preference === 'always';
  return stream.isTTY === true;
}

/** The terminal's columns, or DEFAULT_COLUMNS when stdout is not a terminal. */
export function stdoutColumns(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY === true && stream.columns > 0 ? stream.columns : DEFAULT_COLUMNS;
}
