// Times the daily cost alert on the example account scaled to many gateways, every gateway alerting at once.
// Run: npx tsx scripts/bench-alert.ts [gateways…]

import { fileURLToPath } from 'node:url';
import { buildFullConfig } from '../lib/config';
import { HOURS_PER_DAY } from '../lib/domain/time-units';
import { simRuntime, snapshotAttribution } from '../lib/sim/sim-runtime';
import { createSimulatedAccount } from '../lib/sim/simulated-account';
import { loadSnapshotFile } from '../lib/sim/snapshot-load';
import type { Snapshot } from '../lib/sim/snapshot-schema';
import { publishedMessages } from '../lib/sim/sns';
import { runCostAlert } from '../lib/use-cases/alerts/cost-alert';

const EXAMPLE = fileURLToPath(new URL('../examples/example-account.json', import.meta.url));
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:nat-optimizer';
const JUMP = 5;

function scaled(example: Snapshot, count: number): Snapshot {
  const snapshot = structuredClone(example);
  const model = snapshot.natGateways.find((g) => g.tags.Name === 'prod-nat-a');
  const series = model ? snapshot.metrics.natGateways[model.natGatewayId] : undefined;
  if (!model || !series) throw new Error('the example account has no prod-nat-a');
  for (let i = 0; i < count; i += 1) {
    const natGatewayId = `nat-${(0xb0000000000000000n + BigInt(i)).toString(16)}`;
    const { allocationId: _unused, ...rest } = structuredClone(model);
    snapshot.natGateways.push({
      ...rest,
      natGatewayId,
      connectivityType: 'private',
      tags: { Name: `bench-${i}` },
    });
    const copy = structuredClone(series);
    for (const values of [copy.BytesInFromSource ?? [], copy.BytesInFromDestination ?? []]) {
      for (let h = values.length - HOURS_PER_DAY; h < values.length; h += 1)
        values[h] = (values[h] ?? 0) * JUMP;
    }
    snapshot.metrics.natGateways[natGatewayId] = copy;
  }
  return snapshot;
}

const example = await loadSnapshotFile(EXAMPLE);
const config = buildFullConfig({ AWS_REGION: example.region, NAT_OPTIMIZER_TOPIC_ARN: TOPIC });
const sizes = process.argv.slice(2).map(Number);
for (const count of sizes.length > 0 ? sizes : [100, 300, 1000]) {
  const account = createSimulatedAccount(scaled(example, count));
  const started = performance.now();
  const result = await runCostAlert(simRuntime(account), config, {
    attribution: snapshotAttribution(account.sim),
  });
  const ms = performance.now() - started;
  const body = publishedMessages(account.sim)[0]?.message ?? '';
  console.log(
    `${count + example.natGateways.length} gateways: ${result.alerts.length} alerts in ${ms.toFixed(0)} ms; ` +
      `message ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB; GetMetricData ${account.sim.callCount('CloudWatch.GetMetricData')}, ` +
      `PutEvents ${account.sim.callCount('EventBridge.PutEvents')}, CreateTags ${account.sim.callCount('EC2.CreateTags')} calls`,
  );
}
