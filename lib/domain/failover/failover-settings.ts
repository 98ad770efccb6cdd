// Settings of failover and of its health alarms; lib/config/failover-config.ts builds them from the environment.
import { DEFAULT_FAST_DETECTION, type FastDetectionSettings } from './fast-detection-settings';

export interface FailoverAlarmSettings {
  /** Seconds per datapoint (a multiple of 60). */
  periodSeconds: number;
  evaluationPeriods: number;
  /** How many of the evaluation periods must breach (M of N). */
  datapointsToAlarm: number;
  /** PacketsDropCount / packets received, per period, above which the gateway is failing. */
  dropRatioThreshold: number;
  /** Periods with fewer packets received than this never count as failing on drops (too little to judge). */
  minPackets: number;
  /** ErrorPortAllocation per period above which the gateway is failing; 0 leaves port errors out. */
  portErrorThreshold: number;
  /** Average EgressProbeSuccess per period below which the gateway is failing (probe-enabled VPCs). */
  probeSuccessThreshold: number;
}

export interface FailoverSettings {
  /** Routes stay failed over at least this long before a failback. */
  minHoldMinutes: number;
  /** Route tables changed at once; 50, EC2's ReplaceRoute bucket, sends a whole burst (the client paces the rest). */
  concurrency: number;
  /** VPCs opted into emergency gateways by configuration (besides the VPC tag). */
  emergencyVpcIds: string[];
  /** VPCs whose gateways' alarms include the egress probe (besides the VPC tag). */
  probeVpcIds: string[];
  alarm: FailoverAlarmSettings;
  /** The high-resolution probe alarm of gateways opted into fast detection. */
  fastDetection: FastDetectionSettings;
}

export const DEFAULT_FAILOVER_SETTINGS: FailoverSettings = Object.freeze({
  minHoldMinutes: 10,
  concurrency: 50,
  emergencyVpcIds: [],
  probeVpcIds: [],
  alarm: Object.freeze({
    periodSeconds: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    dropRatioThreshold: 0.05,
    minPackets: 100,
    portErrorThreshold: 100,
    probeSuccessThreshold: 0.5,
  }),
  fastDetection: DEFAULT_FAST_DETECTION,
});
