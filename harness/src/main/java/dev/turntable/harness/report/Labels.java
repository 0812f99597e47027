package dev.turntable.harness.report;

/**
 * Fits labels into the room SVG gives them: SVG text never wraps or clips, so a label is cut to the
 * characters that fit before the next thing in its lane (the full text is in the tooltip).
 */
final class Labels {
  /** Average width of a character of the 11 px label font, generous so labels do not collide. */
  static final double CHAR_PX = 6.3;

  private Labels() {}

  static String fit(String text, double widthPx) {
    return Html.truncate(text, (int) Math.floor(widthPx / CHAR_PX));
  }

  /** Room from {@code x} to the next label's start (or the lane's end), minus a small gap. */
  static double room(double x, double nextX) {
    return nextX - x - 6;
  }
}
