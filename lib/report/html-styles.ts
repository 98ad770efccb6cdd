// The one stylesheet of the HTML reports, inlined: readable from a 320 px phone to a wide screen, printable.
// Nothing may widen the page: long words wrap, tables and command blocks scroll inside their own box.

export const REPORT_CSS = `
:root {
  --text: #1d2939; --muted: #5d6b82; --border: #e4e7ec; --panel: #f9fafb;
  --accent: #1f5fa8; --window: #9cbbe3; --month: #1f5fa8; --save: #067647; --save-bg: #ecfdf3;
  --high: #b42318; --high-bg: #fee4e2; --medium: #b54708; --medium-bg: #fef0c7;
  --low: #175cd3; --low-bg: #d1e9ff; --info: #475467; --info-bg: #f2f4f7;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; overflow-wrap: anywhere; }
h1 { font-size: 26px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 16px; margin: 0; }
code { font: 13px var(--mono); }
.muted, .note, .meta { color: var(--muted); }
.meta { margin: 0; font-size: 14px; }
.note { font-size: 13px; margin: 6px 0 0; }
nav { margin-top: 10px; font-size: 14px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav a { color: var(--accent); text-decoration: none; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(220px, 100%), 1fr)); gap: 14px; margin-top: 22px; }
.kpi { border: 1px solid var(--border); border-radius: 10px; padding: 14px 16px; background: var(--panel); min-width: 0; }
.kpi .label { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.kpi .value { font-size: clamp(22px, 6vw, 28px); font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; line-height: 1.2; }
.kpi .value small { font-size: 15px; font-weight: 500; color: var(--muted); }
.kpi .sub { font-size: 13px; color: var(--muted); }
.kpi.save { background: var(--save-bg); border-color: #abefc6; }
.kpi.save .value { color: var(--save); }
.warnings { margin-top: 18px; border: 1px solid #fedf89; background: #fffaeb; border-radius: 10px; padding: 10px 16px; }
.warnings ul, ul.plain { margin: 4px 0 0; padding-left: 20px; }
.intro { margin: 4px 0 10px; color: var(--muted); font-size: 14px; }
.changes { border: 1px solid var(--border); border-radius: 10px; padding: 12px 16px; background: var(--panel); }
.changes p { margin: 0 0 6px; }
.changes li { margin: 3px 0; }
.up { color: var(--high); font-weight: 600; }
.down { color: var(--save); font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; margin: 6px 0; }
.legend-item { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; flex: none; }
.bar-chart { display: grid; gap: 8px; margin-top: 6px; }
.bar-row { display: grid; grid-template-columns: minmax(0, 210px) minmax(0, 1fr) 88px; gap: 2px 12px; align-items: center; }
.bar-name { text-align: right; font-size: 13.5px; line-height: 1.25; min-width: 0; }
.bar-name small { display: block; color: var(--muted); font: 11.5px var(--mono); }
.bar-value { font-size: 13px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar-value div + div { margin-top: 2px; }
svg.bars { width: 100%; display: block; }
svg.bars.single { height: 18px; }
svg.bars.pair { height: 30px; }
.bar-axis { display: grid; grid-template-columns: minmax(0, 210px) minmax(0, 1fr) 88px; gap: 12px; font-size: 11.5px; color: var(--muted); }
.bar-axis .ticks { position: relative; height: 16px; border-top: 1px solid #d0d5dd; }
.bar-axis .ticks span { position: absolute; top: 1px; transform: translateX(-50%); white-space: nowrap; }
.bar-axis .ticks span:first-child { transform: none; }
.bar-axis .ticks span:last-child { transform: translateX(-100%); }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
svg .grid { stroke: #eaecf0; stroke-width: 1; vector-effect: non-scaling-stroke; }
svg .day { stroke: #f2f4f7; stroke-width: 1; }
svg .tick { stroke: #98a2b3; }
svg .weekend { fill: #f4f5f8; }
svg .x-label { font-size: 12px; fill: var(--muted); text-anchor: middle; }
svg .y-label { font-size: 12px; fill: var(--muted); text-anchor: end; dominant-baseline: middle; }
svg .unit { font-size: 11px; fill: var(--muted); }
svg .empty { font-size: 14px; fill: var(--muted); text-anchor: middle; }
svg .traffic-line { fill: none; stroke: var(--accent); stroke-width: 1.4; stroke-linejoin: round; }
svg .traffic-area { fill: var(--accent); fill-opacity: .12; stroke: none; }
svg .bar-window { fill: var(--window); }
svg .bar-month { fill: var(--month); }
svg .segment { stroke: #fff; stroke-width: 1; vector-effect: non-scaling-stroke; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(440px, 100%), 1fr)); gap: 18px 24px; }
figure.panel { margin: 0; min-width: 0; }
figure.panel figcaption { font-size: 13.5px; margin-bottom: 2px; }
.scroll-box { overflow: auto; max-height: 70vh; border: 1px solid var(--border); border-radius: 8px; }
.table-wrap { overflow-x: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 13.5px; }
table.data th, table.data td { padding: 6px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
table.data th { background: var(--panel); font-weight: 600; position: sticky; top: 0; z-index: 1; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data td.codes { min-width: 14em; }
/* Plain tables keep words whole and scroll sideways inside their box rather than breaking ids into pieces. */
table.data:not(.cards) { overflow-wrap: normal; }
table.data:not(.cards) td, table.data:not(.cards) th { white-space: nowrap; }
table.data tfoot td { font-weight: 700; border-top: 2px solid var(--border); background: #fff; position: sticky; bottom: 0; }
.chip { display: inline-block; font: 11.5px var(--mono); padding: 1px 6px; max-width: 100%;
  border-radius: 3px; background: #f2f4f7; border-left: 4px solid var(--muted); margin: 1px 3px 1px 0; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 1px 7px;
  border-radius: 999px; min-width: 58px; text-align: center; }
.badge.high { color: var(--high); background: var(--high-bg); }
.badge.medium { color: var(--medium); background: var(--medium-bg); }
.badge.low { color: var(--low); background: var(--low-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.saving { color: var(--save); font-weight: 600; white-space: nowrap; }
.gateway-findings { border: 1px solid var(--border); border-radius: 10px; padding: 12px 16px; margin: 12px 0; min-width: 0; }
.gateway-findings header { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; margin-bottom: 6px; }
.gateway-findings ul { list-style: none; margin: 0; padding: 0; }
.gateway-findings li { display: grid; grid-template-columns: 76px minmax(0, 1fr); gap: 2px 10px; padding: 7px 0; border-top: 1px solid #f2f4f7; }
.gateway-findings li .badge { justify-self: start; align-self: start; margin-top: 2px; }
.gateway-findings li .what { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.gateway-findings li > :not(.badge) { grid-column: 2; }
.gateway-findings li p { margin: 0; }
.action { margin-top: 4px; font-size: 14px; }
.action strong { font-weight: 600; }
pre.commands { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px;
  overflow: auto; max-height: 60vh; font-size: 12.5px; white-space: pre; margin: 6px 0; overflow-wrap: normal; }
pre.commands .comment { color: var(--muted); }
ol.caveats li { margin: 4px 0; }
.ref { font-size: 12.5px; color: var(--muted); white-space: nowrap; }
dl.tags { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 4px 16px; font-size: 14px; }
dl.tags dt { font: 13px var(--mono); }
dl.tags dd { margin: 0; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
@media (max-width: 640px) {
  main { padding: 18px 14px 36px; }
  h1 { font-size: 22px; }
  h2 { font-size: 18px; margin-top: 28px; }
  .bar-row, .bar-axis { grid-template-columns: minmax(0, 1fr) 76px; }
  .bar-row .bar-name { grid-column: 1 / -1; text-align: left; }
  .bar-name small { display: inline; margin-left: 6px; }
  .bar-axis .spacer:first-child { display: none; }
  svg .x-label, svg .y-label { font-size: 18px; }
  svg .unit { font-size: 16px; }
  svg .empty { font-size: 20px; }
  .gateway-findings { padding: 10px 12px; }
  .gateway-findings li { grid-template-columns: minmax(0, 1fr); }
  .gateway-findings li > :not(.badge) { grid-column: 1; }
  .action pre.commands { white-space: pre-wrap; overflow-wrap: anywhere; }
  dl.tags { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.tags dd { margin: 0 0 8px; }
  table.cards thead { display: none; }
  table.cards, table.cards tbody, table.cards tfoot, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { border-bottom: 1px solid var(--border); padding: 6px 0; }
  table.cards td { border: 0; padding: 2px 10px; text-align: left; white-space: normal; }
  table.cards td.num { text-align: left; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
  table.cards tfoot td { position: static; border: 0; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  .kpi, figure.panel, .gateway-findings, svg.chart, .bar-row, tr { break-inside: avoid; }
  .multiples { grid-template-columns: 1fr 1fr; }
  .scroll-box, pre.commands { max-height: none; overflow: visible; }
  pre.commands { white-space: pre-wrap; word-break: break-all; }
  table.data th, table.data tfoot td { position: static; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
