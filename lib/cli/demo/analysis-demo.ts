// Demo part 1: the nightly analysis of the example account.
import { configWith } from '../../config';
import { analysisSections, renderKpis, renderWarnings } from '../../report/analysis-html';
import { renderAnalysisTable } from '../../report/analysis-table';
import { simRuntime, snapshotAttribution } from '../../sim/sim-runtime';
import { createSimulatedAccount } from '../../sim/simulated-account';
import { loadSnapshotFile } from '../../sim/snapshot-load';
import { runAnalysis } from '../../use-cases/analysis/analyze';
import { stdoutColor, stdoutColumns } from '../terminal';
import type { DemoSection } from './demo-section';

export async function analysisDemo(examplePath: string): Promise<DemoSection> {
  const snapshot = await loadSnapshotFile(examplePath);
  const account = createSimulatedAccount(snapshot);
  const config = configWith('analyze', { AWS_REGION: snapshot.region });
  const result = await runAnalysis(simRuntime(account), config, snapshotAttribution(account.sim));
  const title = `Nightly analysis — account ${snapshot.accountId}, ${snapshot.region}`;
  const sections = analysisSections(result).map((s) => ({
    ...s,
    id: `analysis-${s.id}`,
    title: `Analysis: ${s.title}`,
  }));
  return {
    title,
    text: renderAnalysisTable(result, { color: stdoutColor(undefined), width: stdoutColumns() }),
    html: { lead: `${renderKpis(result)}${renderWarnings(result)}`, sections },
  };
}
