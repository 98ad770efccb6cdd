// SNS subjects: ASCII, no line breaks or control characters, fewer than 100 characters, starting with a letter,
// digit or punctuation mark (SNS refuses anything else, and email clients show it as the subject line).

export const SUBJECT_MAX_CHARS = 99;

/** Printable ASCII on one line: anything else becomes a space, runs of spaces fold. */
export function asciiLine(text: string): string {
  return text
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A subject SNS accepts; cut with "..." when too long. */
export function snsSubject(text: string): string {
  const ascii = asciiLine(text);
  return ascii.length <= SUBJECT_MAX_CHARS ? ascii : `${ascii.slice(0, SUBJECT_MAX_CHARS - 3)}...`;
}
