// What parking saved over a replayed period, against leaving every opted-in gateway up the whole time.
//
// A lineage is one scheduled gateway across its parks: the original and every gateway recreated for it.
// Hours "up" are when a billable instance existed (pending, available or deleting). AWS bills each
// instance's partial hour as a full hour, so billed hours round every instance's lifetime up.
// The Elastic IP of a parked public gateway is still billed as a public IPv4 address: no saving there.

import { HOUR_MS } from '../time-units';
export interface GatewayInstance {
  natGatewayId: string;
  lineage: string;
  /** Existence (billing) interval, clipped to the period by the caller or here. */
  start: Date;
  end: Date;
  publicIpv4Count: number;
}

export interface LineageSavings {
  natGatewayId: string;
  hoursAllUp: number;
  hoursUp: number;
  hoursSaved: number;
  billedHoursAllUp: number;
  billedHoursUp: number;
  billedHoursSaved: number;
  dollarsSaved: number;
  /** Public IPv4 charge that goes on while parked (the EIP is kept). */
  publicIpv4WhileParked: number;
}

export interface SavingsPrices {
  natGatewayHourly: number;
  publicIpv4Hourly: number;
}

function clippedHours(start: Date, end: Date, from: Date, to: Date): number {
  const s = Math.max(start.getTime(), from.getTime());
  const e = Math.min(end.getTime(), to.getTime());
  return e > s ? (e - s) / HOUR_MS : 0;
}

export function lineageSavings(
  lineage: string,
  instances: GatewayInstance[],
  period: { from: Date; to: Date },
  prices: SavingsPrices,
): LineageSavings {
  const { from, to } = period;
  const hoursAllUp = clippedHours(from, to, from, to);
  const own = instances.filter((i) => i.lineage === lineage);
  const lifetimes = own.map((i) => clippedHours(i.start, i.end, from, to));
  const hoursUp = lifetimes.reduce((sum, h) => sum + h, 0);
  const billedHoursAllUp = Math.ceil(hoursAllUp);
  const billedHoursUp = lifetimes.reduce((sum, h) => sum + Math.ceil(h), 0);
  const billedHoursSaved = billedHoursAllUp - billedHoursUp;
  const addresses = Math.max(0, ...own.map((i) => i.publicIpv4Count));
  return {
    natGatewayId: lineage,
    hoursAllUp,
    hoursUp,
    hoursSaved: hoursAllUp - hoursUp,
    billedHoursAllUp,
    billedHoursUp,
    billedHoursSaved,
    dollarsSaved: billedHoursSaved * prices.natGatewayHourly,
    publicIpv4WhileParked: Math.max(hoursAllUp - hoursUp, 0) * addresses * prices.publicIpv4Hourly,
  };
}
