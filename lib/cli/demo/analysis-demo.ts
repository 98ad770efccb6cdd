// Demo part 1: the nightly analysis of the example account.
import { configWith } from '../../config';
import { renderAnalysisTable } from '../../report/analysis-table';
import { simRuntime, snapshotAttribution } from '../../sim/sim-runtime';
import { createSimulatedAccount } from '../../sim/simulated-account';
import { loadSnapshotFile } from '../../sim/snapshot-load';
import { runAnalysis } from '../../use-cases/analyze';
import type { DemoSection } from './demo-sections';

export async function analysisDemo(examplePath: string): Promise<DemoSection> {
  const snapshot = await loadSnapshotFile(examplePath);
  const account = createSimulatedAccount(snapshot);
  const config = configWith({ AWS_REGION: snapshot.region });
  const result = await runAnalysis(simRuntime(account), config, snapshotAttribution(account.sim));
  return {
    title: `Nightly analysis — account ${snapshot.accountId}, ${snapshot.region}`,
    text: renderAnalysisTable(result, { color: process.stdout.isTTY === true }),
  };
}
