// Deterministic resource ids: the same run on the same snapshot creates the same `nat-…` ids.
const HEX_ID_LENGTH = 17;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash;
}

export function hexDigest(text: string, length = HEX_ID_LENGTH): string {
  let hex = '';
  for (let salt = 0; hex.length < length; salt += 1)
    hex += fnv1a(`${salt}:${text}`).toString(16).padStart(8, '0');
  return hex.slice(0, length);
}

/** An id that is a pure function of what it belongs to (an association, a network interface). */
export function derivedId(prefix: string, from: string): string {
  return `${prefix}-${hexDigest(from)}`;
}

export class IdFactory {
  private counter = 0;
  private readonly issued = new Set<string>();

  constructor(
    private readonly seed: string,
    private readonly inUse: (id: string) => boolean,
  ) {}

  next(prefix: string): string {
    for (;;) {
      this.counter += 1;
      const id = derivedId(prefix, `${this.seed}:${prefix}:${this.counter}`);
      if (!this.issued.has(id) && !this.inUse(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }
}
