// Number formatting shared by finding messages.
import { GIB } from '../../pricing/cost-model';

const usdFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function usd(amount: number): string {
  return usdFormat.format(amount);
}

const rateFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** A unit price ($0.045, $0.005): cents alone would round it. */
export function usdRate(amount: number): string {
  return rateFormat.format(amount);
}

export function gib(bytes: number): string {
  return `${numberFormat.format(bytes / GIB)} GiB`;
}

export function count(value: number): string {
  return countFormat.format(value);
}

export function percent(ratio: number): string {
  const value = ratio * 100;
  return `${value >= 1 ? numberFormat.format(value) : value.toPrecision(2)}%`;
}

export function hours(value: number): string {
  return `${countFormat.format(value)} h`;
}
