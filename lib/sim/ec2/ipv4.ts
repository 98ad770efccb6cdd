// Just enough IPv4 arithmetic to hand out private addresses inside a subnet.
const ADDRESS_BITS = 32;
/** AWS reserves the first four addresses and the last one of every subnet. */
const RESERVED_AT_START = 4;
const RESERVED_AT_END = 1;

export interface Ipv4Cidr {
  base: number;
  size: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function parseCidr(text: string): Ipv4Cidr | undefined {
  const [address, prefixText] = text.split('/');
  const base = address === undefined ? undefined : parseIpv4(address);
  const prefix = Number(prefixText);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > ADDRESS_BITS)
    return undefined;
  const size = 2 ** (ADDRESS_BITS - prefix);
  return { base: base - (base % size), size };
}

export function usableAddressCount(cidr: Ipv4Cidr): number {
  return Math.max(cidr.size - RESERVED_AT_START - RESERVED_AT_END, 0);
}

export function isUsableHost(cidr: Ipv4Cidr, ip: string): boolean {
  const value = parseIpv4(ip);
  if (value === undefined) return false;
  return value >= cidr.base + RESERVED_AT_START && value < cidr.base + cidr.size - RESERVED_AT_END;
}

/** The lowest usable addresses of the subnet that are not taken yet. */
export function freeHosts(cidr: Ipv4Cidr, taken: ReadonlySet<string>, count: number): string[] {
  const free: string[] = [];
  const last = cidr.base + cidr.size - RESERVED_AT_END;
  for (let value = cidr.base + RESERVED_AT_START; value < last && free.length < count; value += 1) {
    const ip = formatIpv4(value);
    if (!taken.has(ip)) free.push(ip);
  }
  return free;
}
