// Thresholds of the nightly analysis's findings; lib/config.ts builds them from the environment.

import { GIB } from '../pricing/cost-model';
export interface AnalysisSettings {
  /** Bytes processed over the window below which a routed gateway is IDLE. */
  idleBytesThreshold: number;
  /** An hour-of-week is quiet if its mean processed bytes < this × the busiest hour-of-week mean. */
  offHoursQuietFraction: number;
  /** Propose a schedule only if at least this many hours per week can be parked. */
  offHoursMinSavingHours: number;
  /** IANA zone used to build the hour-of-week profile and the proposed schedule. */
  offHoursTimezone: string;
  /** Sum of ErrorPortAllocation over the window from which PORT_ALLOCATION_ERRORS is raised. */
  portAllocationErrorThreshold: number;
  /** PacketsDropCount / (PacketsInFromSource + PacketsInFromDestination) from which PACKET_DROPS is raised. */
  packetDropRatioThreshold: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = Object.freeze({
  idleBytesThreshold: GIB,
  offHoursQuietFraction: 0.05,
  offHoursMinSavingHours: 40,
  offHoursTimezone: 'UTC',
  portAllocationErrorThreshold: 1,
  packetDropRatioThreshold: 0.0001,
});
