import { describe, expect, it } from 'vitest';
import {
  decodeTags,
  encodeTags,
  MAX_TAG_CHUNKS,
  TagCodecError,
} from '../../../lib/domain/scheduler/park-tag-codec';
import { assertTagValue } from '../../../lib/domain/tag-values';

describe('park tag codec', () => {
  it('should round-trip tags whose keys and values use spaces, =, + and @', () => {
    // Prepare
    const tags = {
      Name: 'dev nat a',
      'nat-optimizer:schedule': 'Mon-Fri@07:00-19:00 Sat@09:00-13:00',
      'a=b': 'x+y=z',
    };

    // Act
    const decoded = decodeTags(encodeTags(tags));

    // Assess
    expect(decoded).toEqual(tags);
  });

  it('should round-trip characters tag values may not hold (accents, emoji, commas, quotes)', () => {
    // Prepare
    const tags = { Owner: 'Zoë Müller, "ops"', Icon: '🚀', empty: '' };

    // Act
    const chunks = encodeTags(tags);

    // Assess
    expect(chunks.every((chunk) => assertTagValue('chunk', chunk) === chunk)).toBe(true);
    expect(decodeTags(chunks)).toEqual(tags);
  });

  it('should cut long encodings into chunks of at most 256 characters', () => {
    // Prepare
    const tags = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key-${i}`, 'v'.repeat(60)]));

    // Act
    const chunks = encodeTags(tags);

    // Assess
    expect(chunks.length).toBe(4);
    expect(chunks.every((c) => c.length <= 256)).toBe(true);
    expect(decodeTags(chunks)).toEqual(tags);
  });

  it('should refuse tags that need more chunks than a park record holds instead of truncating them', () => {
    // Prepare
    const tags = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`key-${i}`, 'é'.repeat(20)]));

    // Act
    const encode = () => encodeTags(tags);

    // Assess
    expect(encode).toThrow(TagCodecError);
    expect(encode).toThrow(`more than the ${MAX_TAG_CHUNKS} a park record holds`);
  });

  it('should report a damaged encoding instead of guessing', () => {
    // Act
    const decode = () => decodeTags(['Name=dev+q']);

    // Assess
    expect(decode).toThrow('bad escape "+q"');
  });
});
