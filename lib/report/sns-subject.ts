// SNS subjects: ASCII, no line breaks or control characters, fewer than 100 characters, starting with a letter,
// digit or punctuation mark (SNS refuses anything else, and email clients show it as the subject line).

import { MAX_SNS_SUBJECT_CHARS } from '../domain/aws-limits';
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
  return ascii.length <= MAX_SNS_SUBJECT_CHARS ? ascii : `${ascii.slice(0, MAX_SNS_SUBJECT_CHARS - 3)}...`;
}
