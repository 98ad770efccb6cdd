// The one stylesheet of the HTML report, inlined: light, readable, and printable on A4 or Letter.

export const REPORT_CSS = `
:root {
  --text: #1d2939; --muted: #667085; --border: #e4e7ec; --panel: #f9fafb;
  --accent: #1f5fa8; --window: #9cbbe3; --month: #1f5fa8; --save: #067647; --save-bg: #ecfdf3;
  --high: #b42318; --high-bg: #fee4e2; --medium: #b54708; --medium-bg: #fef0c7;
  --low: #175cd3; --low-bg: #d1e9ff; --info: #475467; --info-bg: #f2f4f7;
  color-scheme: light;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; line-height: 1.45;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 16px; margin: 0; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted, .note, .meta { color: var(--muted); }
.meta { margin: 0; font-size: 14px; }
.note { font-size: 13px; margin: 6px 0 0; }
nav { margin-top: 10px; font-size: 14px; }
nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 14px; margin-top: 22px; }
.kpi { border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; background: var(--panel); }
.kpi .label { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.kpi .value { font-size: 28px; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; }
.kpi .value small { font-size: 15px; font-weight: 500; color: var(--muted); }
.kpi .sub { font-size: 13px; color: var(--muted); }
.kpi.save { background: var(--save-bg); border-color: #abefc6; }
.kpi.save .value { color: var(--save); }
.warnings { margin-top: 18px; border: 1px solid #fedf89; background: #fffaeb; border-radius: 10px; padding: 10px 16px; }
.warnings ul { margin: 4px 0 0; padding-left: 20px; }
.intro { margin: 4px 0 10px; color: var(--muted); font-size: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; margin: 6px 0; }
.legend-item { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg .grid { stroke: #eaecf0; stroke-width: 1; }
svg .day { stroke: #f2f4f7; stroke-width: 1; }
svg .tick { stroke: #98a2b3; }
svg .weekend { fill: #f4f5f8; }
svg .x-label { font-size: 11px; fill: var(--muted); text-anchor: middle; }
svg .y-label { font-size: 11px; fill: var(--muted); text-anchor: end; dominant-baseline: middle; }
svg .unit { font-size: 10px; fill: var(--muted); }
svg .empty { font-size: 13px; fill: var(--muted); text-anchor: middle; }
svg .traffic-line { fill: none; stroke: var(--accent); stroke-width: 1.4; stroke-linejoin: round; }
svg .traffic-area { fill: var(--accent); fill-opacity: .12; stroke: none; }
svg .bar-label { font-size: 13px; fill: var(--text); text-anchor: end; }
svg .bar-sublabel { font-size: 10.5px; fill: var(--muted); text-anchor: end; font-family: ui-monospace, Menlo, Consolas, monospace; }
svg .bar-value { font-size: 12px; fill: var(--text); font-variant-numeric: tabular-nums; }
svg .bar-window { fill: var(--window); }
svg .bar-month { fill: var(--month); }
svg .segment { stroke: #fff; stroke-width: 1; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 18px 24px; }
figure.panel { margin: 0; }
figure.panel figcaption { font-size: 13.5px; margin-bottom: 2px; }
.table-wrap { overflow-x: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 13.5px; }
table.data th, table.data td { padding: 6px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
table.data th { background: var(--panel); font-weight: 600; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data tfoot td { font-weight: 700; border-top: 2px solid var(--border); }
.chip { display: inline-block; font: 11.5px ui-monospace, Menlo, Consolas, monospace; padding: 1px 6px;
  border-radius: 3px; background: #f2f4f7; border-left: 4px solid var(--muted); margin: 1px 3px 1px 0; white-space: nowrap; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 1px 7px;
  border-radius: 999px; min-width: 58px; text-align: center; }
.badge.high { color: var(--high); background: var(--high-bg); }
.badge.medium { color: var(--medium); background: var(--medium-bg); }
.badge.low { color: var(--low); background: var(--low-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.saving { color: var(--save); font-weight: 600; white-space: nowrap; }
.gateway-findings { border: 1px solid var(--border); border-radius: 10px; padding: 12px 16px; margin: 12px 0; }
.gateway-findings header { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; margin-bottom: 6px; }
.gateway-findings ul { list-style: none; margin: 0; padding: 0; }
.gateway-findings li { display: grid; grid-template-columns: 76px 1fr; gap: 2px 10px; padding: 7px 0; border-top: 1px solid #f2f4f7; }
.gateway-findings li .badge { justify-self: start; align-self: start; margin-top: 2px; }
.gateway-findings li .what { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.gateway-findings li p { grid-column: 2; margin: 0; }
pre.commands { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px;
  overflow-x: auto; font-size: 12.5px; white-space: pre; }
dl.tags { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 14px; }
dl.tags dt { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
dl.tags dd { margin: 0; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  .kpi, figure.panel, .gateway-findings, svg.chart, tr { break-inside: avoid; }
  .multiples { grid-template-columns: 1fr 1fr; }
  pre.commands { white-space: pre-wrap; word-break: break-all; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
