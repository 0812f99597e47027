package dev.turntable.harness.report;

/**
 * Draws an envelope as one SVG path: a vertical stroke per pixel column from its max to its min.
 * Silence still shows as a thin line, so "no audio" and "quiet audio" look different.
 */
final class WaveformPath {
  private WaveformPath() {}

  /**
   * @param left x of the envelope's first column
   * @param columnWidth pixels per column (1 when the envelope was computed per pixel)
   * @param gain multiplies sample values so the loudest one of the lane nearly fills it
   */
  static String of(
      Waveform.Envelope envelope, double left, double columnWidth, LaneBox box, double gain) {
    double half = box.height() / 2;
    StringBuilder d = new StringBuilder(envelope.columns() * 16);
    for (int i = 0; i < envelope.columns(); i++) {
      double x = left + (i + 0.5) * columnWidth;
      double top = box.middle() - Math.min(1, envelope.max()[i] * gain) * half;
      double bottom = box.middle() - Math.max(-1, envelope.min()[i] * gain) * half;
      if (bottom - top < 1) {
        top -= 0.5;
        bottom += 0.5;
      }
      d.append('M').append(Svg.num(x)).append(' ').append(Svg.num(top));
      d.append('V').append(Svg.num(bottom));
    }
    return d.toString();
  }

  /** A gain that puts {@code peak} at 95% of the lane, without blowing near-silence up to noise. */
  static double gainFor(double peak) {
    return 0.95 / Math.max(peak, 0.02);
  }
}
