/** @file The seeded sample ReportData now lives in src/report/sample-data.ts (lmkg/internal), which bench/ uses too. */
export * from '../../src/report/sample-data.js';
