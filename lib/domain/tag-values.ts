// Contract 1: what a tag value may hold, and how numbers and instants are written into one.

import { MAX_TAG_VALUE_LENGTH } from './aws-limits';
/** Letters, digits, spaces and + - = . _ : / @ only: also what makes a value safe inside single quotes in a shell. */
export const TAG_VALUE_PATTERN = /^[A-Za-z0-9 +\-=._:/@]*$/;

export class TagValueError extends Error {
  override name = 'TagValueError';
}

/** Tag values use only letters, digits, spaces and + - = . _ : / @ (Contract 1). */
export function assertTagValue(key: string, value: string): string {
  if (!TAG_VALUE_PATTERN.test(value))
    throw new TagValueError(`tag ${key}: value "${value}" has a character tags cannot hold`);
  if (value.length > MAX_TAG_VALUE_LENGTH)
    throw new TagValueError(`tag ${key}: value longer than ${MAX_TAG_VALUE_LENGTH}`);
  return value;
}

/** A number as a tag value: fixed decimals, no thousands separators. */
export function encodeAmount(amount: number, decimals = 2): string {
  return amount.toFixed(decimals);
}

/** An instant as a tag value: ISO-8601 to the second, UTC. */
export function encodeInstant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
