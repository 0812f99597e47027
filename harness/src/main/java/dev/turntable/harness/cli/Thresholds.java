package dev.turntable.harness.cli;

import dev.turntable.harness.eval.VariantScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The worst rates a user accepts; null means no limit. A rate without a denominator (no turn with
 * that label) never fails.
 */
record Thresholds(Double maxFalseInterruptions, Double maxMissedInterruptions, Double maxDroppedTurns) {
  static final Thresholds NONE = new Thresholds(null, null, null);

  Thresholds {
    check(maxFalseInterruptions, "--max-false-interruptions");
    check(maxMissedInterruptions, "--max-missed-interruptions");
    check(maxDroppedTurns, "--max-dropped-turns");
  }

  /** One line per rate of {@code score} worse than its limit; empty when all are within. */
  List<String> violations(VariantScore score) {
    List<String> out = new ArrayList<>();
    over(out, score, "false interruptions", score.falseInterruptions(), maxFalseInterruptions);
    over(out, score, "missed interruptions", score.missedInterruptions(), maxMissedInterruptions);
    over(out, score, "dropped ordinary turns", score.droppedTurns(), maxDroppedTurns);
    return out;
  }

  /** Parses a rate given as a fraction (0.05) or a percentage (5%). */
  static Double parseRate(String text, String option) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    try {
      double value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
      check(value, option);
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a rate from 0 to 1 or 0% to 100%; got " + text);
    }
  }

  private static void over(List<String> out, VariantScore score, String what, VariantScore.Rate rate, Double max) {
    if (max != null && rate.of() > 0 && rate.value() > max) {
      out.add(String.format(Locale.ROOT, "%s: %s %d/%d (%.1f%%) is worse than the limit %.1f%%",
          score.variant().name(), what, rate.count(), rate.of(), 100 * rate.value(), 100 * max));
    }
  }

  private static void check(Double value, String option) {
    if (value != null && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " takes a rate from 0 to 1 or 0% to 100%; got " + value);
    }
  }
}
