// Demo part 1: the nightly analysis of the example account.
import { configWith } from '../../config';
import { renderAnalysisTable } from '../../report/analysis-table';
import { simRuntime, snapshotAttribution } from '../../sim/sim-runtime';
import { createSimulatedAccount } from '../../sim/simulated-account';
import { loadSnapshotFile } from '../../sim/snapshot-load';
import { runAnalysis } from '../../use-cases/analysis/analyze';
import type { DemoSection } from './demo-section';

export async function analysisDemo(examplePath: string): Promise<DemoSection> {
  const snapshot = await loadSnapshotFile(examplePath);
  const account = createSimulatedAccount(snapshot);
  const config = configWith('analyze', { AWS_REGION: snapshot.region });
  const result = await runAnalysis(simRuntime(account), config, snapshotAttribution(account.sim));
  return {
    title: `Nightly analysis — account ${snapshot.accountId}, ${snapshot.region}`,
    text: renderAnalysisTable(result, { color: process.stdout.isTTY === true }),
  };
}
