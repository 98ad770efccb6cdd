// Axis arithmetic for the SVG charts: round maxima, tick values and compact tick labels.

const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/** The smallest "round" number (1, 2, 2.5, 5 × 10^k) at or above `value`; 1 for nothing to show. */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = NICE_STEPS.find((s) => s * magnitude >= value * (1 - 1e-9)) ?? 10;
  return step * magnitude;
}

/** An axis from 0 with `intervals` round steps that reaches at least `max`, and its tick values. */
export function niceAxis(max: number, intervals: number): { max: number; ticks: number[] } {
  const step = niceCeil(max / intervals);
  return { max: step * intervals, ticks: Array.from({ length: intervals + 1 }, (_, i) => step * i) };
}

/** "1,200", "12.5", "0.25", "0.004": short labels that keep what matters. */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  const maximumFractionDigits = abs >= 100 || abs === 0 ? 0 : abs >= 1 ? 1 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits });
}

/** "$1.2k", "$350", "$12.50": dollar tick labels. */
export function formatUsdTick(value: number): string {
  const thousand = 1000;
  if (value >= thousand) return `$${formatTick(value / thousand)}k`;
  const cents = value < 10 && value !== 0 ? 2 : 0;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: cents, maximumFractionDigits: cents })}`;
}

/** Coordinates with one decimal: plenty for a screen, a third of the bytes of full precision. */
export function coord(n: number): string {
  return String(Math.round(n * 10) / 10);
}
