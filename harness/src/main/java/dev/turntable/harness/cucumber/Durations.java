package dev.turntable.harness.cucumber;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "300 ms", "1.2 s" and "1.2s" as durations; the one parser for steps and tables. */
final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)");

  private Durations() {}

  static Duration parse(String text) {
    Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration; write e.g. \"300 ms\" or \"1.2 s\"");
    }
    double value = Double.parseDouble(m.group(1));
    return Duration.ofNanos(Math.round(value * (m.group(2).equals("s") ? 1e9 : 1e6)));
  }

  static String format(double ms) {
    if (Double.isNaN(ms)) {
      return "never";
    }
    return Math.abs(ms) >= 1000
        ? String.format(Locale.ROOT, "%.2f s", ms / 1000)
        : String.format(Locale.ROOT, "%.0f ms", ms);
  }

  static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
