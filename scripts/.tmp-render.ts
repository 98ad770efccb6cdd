import { renderAnalysisMarkdown } from '../lib/report/analysis-markdown';
import { renderAnalysisTable } from '../lib/report/analysis-table';
import { typicalResult } from '../test/unit/report-fixture';
const r = typicalResult();
r.natGateways[0]!.name = 'prod|<b>x</b>*_';
console.log(renderAnalysisMarkdown(r));
console.log(renderAnalysisTable(r).split('\n').slice(-12).join('\n'));
