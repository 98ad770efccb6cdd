// Caveats that many findings share (aws:SourceIp before an endpoint, flow-log attribution…), numbered once per report.

import type { FindingCaveat, GatewayAnalysis } from '../domain/analysis/analysis-result';

export interface NumberedCaveat extends FindingCaveat {
  number: number;
  /** How many findings of the report it applies to. */
  findings: number;
}

export interface ReportCaveats {
  list: NumberedCaveat[];
  /** "note 1, 2" references for a finding's caveats, in the report's numbering. */
  numbers(caveats: readonly FindingCaveat[] | undefined): number[];
}

/** Each caveat once, numbered in order of first appearance among `gateways`' findings. */
export function reportCaveats(gateways: readonly GatewayAnalysis[]): ReportCaveats {
  const byId = new Map<string, NumberedCaveat>();
  for (const gateway of gateways) {
    for (const finding of gateway.findings) {
      for (const caveat of finding.caveats ?? []) {
        const known = byId.get(caveat.id);
        if (known) known.findings += 1;
        else byId.set(caveat.id, { ...caveat, number: byId.size + 1, findings: 1 });
      }
    }
  }
  return {
    list: [...byId.values()],
    numbers: (caveats) =>
      (caveats ?? [])
        .flatMap((c) => {
          const known = byId.get(c.id);
          return known ? [known.number] : [];
        })
        .sort((a, b) => a - b),
  };
}

/** "see note 1" / "see notes 1, 2", or '' without caveats. */
export function caveatReference(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  return `see ${numbers.length === 1 ? 'note' : 'notes'} ${numbers.join(', ')}`;
}
