// A gateway's own tags as tag values (Contract 1 charset, 256 characters each), so they outlive the gateway.
//
// `key=value` pairs joined by spaces. `+` escapes: `+s` space, `+e` `=`, `+p` `+`, and `+uXXXX` (4 hex digits,
// one UTF-16 unit) for any character tag values may not hold. Every tag round-trips; the text is then cut into
// 256-character chunks. A set of tags that needs more than MAX_TAG_CHUNKS chunks is refused, never truncated.

import { MAX_TAG_VALUE_LENGTH } from '../aws-limits';
import type { Tags } from '../model';

export const MAX_TAG_CHUNKS = 8;

const PLAIN = /^[A-Za-z0-9\-._:/@]$/;
const ESCAPES: Record<string, string> = { ' ': '+s', '=': '+e', '+': '+p' };
const UNESCAPES: Record<string, string> = { s: ' ', e: '=', p: '+' };
const HEX_UNIT = /^[0-9a-f]{4}$/;
const HEX_DIGITS = 4;

export class TagCodecError extends Error {
  override name = 'TagCodecError';
}

function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    out +=
      ESCAPES[char] ??
      (PLAIN.test(char) ? char : `+u${text.charCodeAt(i).toString(16).padStart(HEX_DIGITS, '0')}`);
  }
  return out;
}

function unescapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char !== '+') {
      out += char;
      continue;
    }
    const code = text.charAt(i + 1);
    const simple = UNESCAPES[code];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (code === 'u' && HEX_UNIT.test(text.slice(i + 2, i + 2 + HEX_DIGITS))) {
      out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 2 + HEX_DIGITS), 16));
      i += 1 + HEX_DIGITS;
    } else {
      throw new TagCodecError(`encoded tags: bad escape "+${code}" at position ${i}`);
    }
  }
  return out;
}

/** The tags as chunks of at most 256 characters (an empty set is one empty chunk). */
export function encodeTags(tags: Tags): string[] {
  const text = Object.entries(tags)
    .map(([key, value]) => `${escapeText(key)}=${escapeText(value)}`)
    .join(' ');
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += MAX_TAG_VALUE_LENGTH)
    chunks.push(text.slice(i, i + MAX_TAG_VALUE_LENGTH));
  if (chunks.length > MAX_TAG_CHUNKS) {
    throw new TagCodecError(
      `its tags need ${chunks.length} tag values of ${MAX_TAG_VALUE_LENGTH} characters once encoded, more than the ${MAX_TAG_CHUNKS} a park record holds`,
    );
  }
  return chunks.length > 0 ? chunks : [''];
}

/** The chunks joined back into tags. */
export function decodeTags(chunks: string[]): Tags {
  const text = chunks.join('');
  const tags: Tags = {};
  if (text === '') return tags;
  for (const pair of text.split(' ')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new TagCodecError(`encoded tags: "${pair.slice(0, 40)}" is not key=value`);
    tags[unescapeText(pair.slice(0, separator))] = unescapeText(pair.slice(separator + 1));
  }
  return tags;
}
