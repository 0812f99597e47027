package dev.turntable.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Session time (ms) → x pixel. Short sessions fit the page; long ones get wider so a second keeps
 * at least {@link #MIN_PX_PER_SECOND} pixels (the page scrolls sideways), up to a width browsers
 * still draw comfortably.
 */
final class TimeAxis {
  static final double FIT_WIDTH = 1010;
  static final double MIN_PX_PER_SECOND = 60;
  static final double MAX_WIDTH = 32_000;
  private static final double MIN_TICK_GAP_PX = 64;
  private static final double[] STEPS_MS = {
    100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000
  };

  private final double endMs;
  private final double left;
  private final double width;

  /**
   * @param left where time 0 is drawn; @param endMs the last time shown (at least 1 ms)
   */
  TimeAxis(double left, double endMs) {
    this.left = left;
    this.endMs = Math.max(1, endMs);
    double seconds = this.endMs / 1000;
    this.width = Math.min(MAX_WIDTH, Math.max(FIT_WIDTH, seconds * MIN_PX_PER_SECOND));
  }

  double x(double ms) {
    return left + ms / endMs * width;
  }

  /** Pixels covered by {@code ms} of time. */
  double px(double ms) {
    return ms / endMs * width;
  }

  double left() {
    return left;
  }

  double right() {
    return left + width;
  }

  double endMs() {
    return endMs;
  }

  /** The tick spacing: the smallest round step whose ticks stay readable. */
  double stepMs() {
    for (double step : STEPS_MS) {
      if (px(step) >= MIN_TICK_GAP_PX) {
        return step;
      }
    }
    return STEPS_MS[STEPS_MS.length - 1];
  }

  List<Double> ticksMs() {
    double step = stepMs();
    List<Double> ticks = new ArrayList<>();
    for (long i = 0; i * step <= endMs + 1e-6; i++) {
      ticks.add(i * step);
    }
    return ticks;
  }

  /** "0 s", "1.5 s", "1:30" — as short as the step allows. */
  String label(double ms) {
    double seconds = ms / 1000;
    if (endMs >= 120_000) {
      long whole = Math.round(seconds);
      return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
    String digits = stepMs() % 1000 == 0 ? "%.0f s" : stepMs() % 100 == 0 ? "%.1f s" : "%.2f s";
    return String.format(Locale.ROOT, digits, seconds);
  }
}
