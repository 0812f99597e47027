package dev.turntable.harness.report;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML page and its inline SVG. */
final class Html {
  /** Shown for a stage that did not happen (a NaN measure). */
  static final String MISSING = "–";

  private Html() {}

  /**
   * Text safe inside an element or a quoted attribute of HTML and of XML (the SVG part must parse
   * as XML). Transcripts are user data, so every string from a session goes through here.
   * Characters XML forbids (most control characters) are dropped.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          } else if (c == '\r') {
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /** Whole milliseconds, or {@link #MISSING} for NaN. */
  static String millis(double ms) {
    return Double.isNaN(ms) ? MISSING : String.format(Locale.ROOT, "%.0f", ms);
  }

  /** Seconds with two decimals ("1.25 s"), or {@link #MISSING} for NaN. */
  static String seconds(double ms) {
    return Double.isNaN(ms) ? MISSING : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  /** A replay speed as people write it: "1×", "4×", "2.5×". */
  static String speed(double speed) {
    return (speed == Math.rint(speed)
            ? String.valueOf((long) speed)
            : String.format(Locale.ROOT, "%.2f", speed).replaceAll("0+$", ""))
        + "×";
  }

  /** Cuts {@code text} to about {@code maxChars}, ending with an ellipsis when cut. */
  static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return maxChars <= 1 ? "" : text.substring(0, maxChars - 1).stripTrailing() + "…";
  }
}
