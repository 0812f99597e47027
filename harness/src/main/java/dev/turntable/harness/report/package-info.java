/**
 * A static, self-contained HTML report with an SVG timeline per session: waveform, user words,
 * partial and final turns, agent speech, barge-in decisions.
 *
 * <p>Public: {@link dev.turntable.harness.report.HtmlReport} (the page, or one session's timeline
 * as a standalone SVG) and the {@link dev.turntable.harness.report.ReportSession} it draws.
 */
package dev.turntable.harness.report;
