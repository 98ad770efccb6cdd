// Number formatting shared by every report: US dollars, binary byte units, plain counts.

import { GIB } from '../domain/pricing/cost-model';

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const BYTE_UNIT_STEP = 1024;
const BYTE_FRACTION_DIGITS = 2;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const usdWhole = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
// Unit prices such as $0.045/h or $0.0025/GB need more than cents.
const usdPrice = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const gib = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$1,234.56"; negative amounts read "-$1,234.56". */
export function formatUsd(amount: number): string {
  return usd.format(amount);
}

/** "$1,235": for subjects and headlines where cents are noise. */
export function formatUsdWhole(amount: number): string {
  return usdWhole.format(amount);
}

/** "$0.045": a unit price, up to four decimals. */
export function formatPrice(amount: number): string {
  return usdPrice.format(amount);
}

/** Binary units with two decimals: "1.23 TiB", "512 B". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= BYTE_UNIT_STEP && unit < BINARY_UNITS.length - 1) {
    value /= BYTE_UNIT_STEP;
    unit += 1;
  }
  const sign = bytes < 0 ? '-' : '';
  const digits = unit === 0 ? 0 : BYTE_FRACTION_DIGITS;
  return `${sign}${value.toFixed(digits)} ${BINARY_UNITS[unit]}`;
}

/** Bytes as GiB with two decimals and thousands separators, without the unit: "6,804.35". */
export function formatGib(bytes: number): string {
  return gib.format(bytes / GIB);
}

export function bytesToGib(bytes: number): number {
  return bytes / GIB;
}

/** "1,234" */
export function formatCount(n: number): string {
  return count.format(n);
}

/** "1 finding", "7 findings" */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}
