// Renderers of analysis results and the formatting helpers other reports build on.

export { renderAnalysisEmail } from './analysis-email';
export { renderAnalysisHtml } from './analysis-html';
export { renderAnalysisMarkdown } from './analysis-markdown';
export { renderAnalysisTable } from './analysis-table';
export { formatBytes, formatUsd } from './format-numbers';
export { escapeHtml } from './html-escape';
export { renderTextTable } from './text-table';
