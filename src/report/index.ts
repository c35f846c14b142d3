/**
 * @file The report: one self-contained HTML page per run folder (summary table, interactive graph,
 * timeline, POS radar charts), written from `report-data.json`, and a loopback-only server for it.
 */
export { writeReport, type WriteReportOptions, type WriteReportResult } from './write-report.js';
export { writeStudyReport, type ReportMode, type WriteStudyReportOptions, type WriteStudyReportResult } from './write-study-report.js';
export { renderReportHtml, REPORT_DATA_ELEMENT_ID } from './render-report-html.js';
export { readReportData } from './read-report-data.js';
export { validateReportData } from './validate-report-data.js';
export { serveReport, type ServeReportOptions, type ReportServer } from './serve-report.js';
export { computeLayout, type GraphLayout, type LayoutOptions } from './layout.js';
export { REPORT_DEFAULTS, SERVE_DEFAULTS, LAYOUT_DEFAULTS } from './defaults.js';
export type {
  ReportData, SummaryRow, Interval, IntervalField, ChanceField, ChanceView, EdgeStatus, GraphView, GraphViewNode, GraphViewEdge, QueryView,
  FactStatus, TimelineView, PosView, ReportParts, CellPart, LayoutPart,
} from './types.js';
export { REPORT_OPTIONS } from './options.js';
