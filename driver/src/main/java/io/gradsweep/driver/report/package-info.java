/**
 * Building blocks of the {@code analyze} report: charts (PNG and SVG, via JFreeChart) and one
 * document model ({@link io.gradsweep.driver.report.Report}) written as a self-contained HTML page,
 * as GitHub Markdown, and its tables as CSV. Nothing here knows about the analysis types.
 */
package io.gradsweep.driver.report;
