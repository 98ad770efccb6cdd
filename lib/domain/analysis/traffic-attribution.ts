// The port through which the analysis learns per-service traffic (S3, DynamoDB): flow logs on AWS, the snapshot's
// figures on a simulated account.
import type { MetricWindow, TrafficByService } from '../metric-series';
import type { Inventory } from '../model';

/** Where per-service traffic (S3, DynamoDB) comes from: flow logs on AWS, the snapshot on a simulated account. */
export interface TrafficAttribution {
  attribute(
    inventory: Inventory,
    window: MetricWindow,
  ): Promise<{ traffic?: TrafficByService; warning?: string }>;
}

export const NO_ATTRIBUTION: TrafficAttribution = {
  attribute: async () => ({
    warning:
      'no flow-log attribution: S3/DynamoDB endpoint savings cannot be computed (see docs/endpoints.md, flow logs)',
  }),
};
