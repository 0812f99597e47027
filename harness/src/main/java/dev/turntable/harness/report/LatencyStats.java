package dev.turntable.harness.report;

import dev.turntable.harness.check.TurnMeasure;
import java.util.List;

/** Percentiles of the response latencies that were measured (turns never answered are left out). */
final class LatencyStats {
  private LatencyStats() {}

  /** The nearest-rank percentile {@code p} (0–100] of the measured latencies; NaN if none. */
  static double percentile(List<TurnMeasure> turns, double p) {
    double[] sorted =
        turns.stream()
            .mapToDouble(TurnMeasure::responseLatencyMs)
            .filter(ms -> !Double.isNaN(ms))
            .sorted()
            .toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
