package dev.turntable.harness.e2e;

import java.util.Arrays;

/**
 * Finds where a clip sits inside a longer recording: the lag with the highest normalised
 * cross-correlation (1.0 = the same waveform, whatever the gain), computed with an FFT so that
 * seconds of 16 kHz audio take milliseconds, not minutes.
 */
final class CrossCorrelation {
  /** {@code clip} starts at sample {@code lag} of the recording; {@code exact} if bit-identical there. */
  record Match(int lag, double correlation, boolean exact) {
    double lagMillis() {
      return Pcm.millis(lag);
    }

    String describe() {
      return exact ? "bit-exact" : String.format("correlation %.3f", correlation);
    }
  }

  /**
   * A clip found piece by piece, each piece near where the previous ones put it. Live playback can
   * underrun and insert a short silence: a whole-clip correlation then drops, while every piece
   * but the one straddling the gap still matches exactly.
   *
   * @param start where the clip starts in the recording (from its first sounding piece)
   * @param pieces how many pieces of the clip have sound
   * @param matched how many of those were found with a correlation above {@link #MATCHED}
   * @param insertedSamples how much later the last matched piece sits than an unbroken playback would put it
   */
  record PiecewiseMatch(int start, int pieces, int matched, int insertedSamples) {
    String describe() {
      return String.format("%d of %d pieces matched, %.0f ms of gaps inserted",
          matched, pieces, Pcm.millis(insertedSamples));
    }
  }

  static final double MATCHED = 0.9;
  /** Playback only falls behind, by far less than this in the underruns seen. */
  private static final int PIECE_SEARCH_SAMPLES = Pcm.samplesFor(500);

  private CrossCorrelation() {}

  static PiecewiseMatch findInPieces(short[] recording, short[] clip, int pieceLength) {
    int start = -1;
    int drift = 0;
    int pieces = 0;
    int matched = 0;
    for (int offset = 0; offset + pieceLength <= clip.length; offset += pieceLength) {
      short[] piece = Arrays.copyOfRange(clip, offset, offset + pieceLength);
      if (!Pcm.anyLoud(piece, 0, piece.length)) {
        continue; // silence matches anything equally badly
      }
      pieces++;
      int expected = start + offset + drift;
      Match found = start < 0
          ? find(recording, piece)
          : find(recording, piece, expected - PIECE_SEARCH_SAMPLES, expected + PIECE_SEARCH_SAMPLES);
      if (found.correlation() > MATCHED) {
        matched++;
        start = start < 0 ? found.lag() - offset : start;
        drift = found.lag() - offset - start;
      }
    }
    return new PiecewiseMatch(start, pieces, matched, drift);
  }

  /** Like {@link #find(short[], short[])}, with the clip starting within {@code [from, to]}. */
  static Match find(short[] recording, short[] clip, int from, int to) {
    int first = Math.max(0, from);
    int end = Math.min(recording.length, to + clip.length);
    if (end - first < clip.length) {
      return new Match(first, 0, false);
    }
    Match inWindow = find(Arrays.copyOfRange(recording, first, end), clip);
    return new Match(inWindow.lag() + first, inWindow.correlation(), inWindow.exact());
  }

  static Match find(short[] recording, short[] clip) {
    if (clip.length == 0 || clip.length > recording.length) {
      throw new IllegalArgumentException("cannot look for " + clip.length + " samples in " + recording.length);
    }
    double[] cross = crossProducts(recording, clip);
    double clipEnergy = 0;
    for (short s : clip) {
      clipEnergy += (double) s * s;
    }
    double[] window = windowEnergies(recording, clip.length);
    int bestLag = -1;
    double best = -2;
    for (int lag = 0; lag < window.length; lag++) {
      if (window[lag] > 0) {
        double normalised = cross[lag] / Math.sqrt(clipEnergy * window[lag]);
        if (normalised > best) {
          best = normalised;
          bestLag = lag;
        }
      }
    }
    if (bestLag < 0) {
      return new Match(0, 0, false);
    }
    return new Match(bestLag, best, identicalAt(recording, clip, bestLag));
  }

  /** {@code out[lag] = sum over i of clip[i] * recording[lag + i]}, for every lag. */
  private static double[] crossProducts(short[] recording, short[] clip) {
    int size = Integer.highestOneBit(recording.length + clip.length - 1) << 1;
    double[] re1 = new double[size];
    double[] im1 = new double[size];
    double[] re2 = new double[size];
    double[] im2 = new double[size];
    for (int i = 0; i < recording.length; i++) {
      re1[i] = recording[i];
    }
    for (int i = 0; i < clip.length; i++) {
      re2[i] = clip[i];
    }
    Fft.transform(re1, im1, false);
    Fft.transform(re2, im2, false);
    for (int k = 0; k < size; k++) { // recording times the conjugate of the clip
      double re = re1[k] * re2[k] + im1[k] * im2[k];
      double im = im1[k] * re2[k] - re1[k] * im2[k];
      re1[k] = re;
      im1[k] = im;
    }
    Fft.transform(re1, im1, true);
    return re1;
  }

  private static double[] windowEnergies(short[] recording, int length) {
    double[] energies = new double[recording.length - length + 1];
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (double) recording[i] * recording[i];
    }
    energies[0] = sum;
    for (int lag = 1; lag < energies.length; lag++) {
      double out = recording[lag - 1];
      double in = recording[lag + length - 1];
      sum += in * in - out * out;
      energies[lag] = Math.max(0, sum);
    }
    return energies;
  }

  private static boolean identicalAt(short[] recording, short[] clip, int lag) {
    for (int i = 0; i < clip.length; i++) {
      if (recording[lag + i] != clip[i]) {
        return false;
      }
    }
    return true;
  }

  /** In-place iterative radix-2 FFT; the inverse is scaled by 1/n. */
  private static final class Fft {
    static void transform(double[] re, double[] im, boolean inverse) {
      int n = re.length;
      for (int i = 1, j = 0; i < n; i++) { // bit-reversal permutation
        int bit = n >> 1;
        for (; (j & bit) != 0; bit >>= 1) {
          j ^= bit;
        }
        j ^= bit;
        if (i < j) {
          swap(re, i, j);
          swap(im, i, j);
        }
      }
      double[] cos = new double[n / 2];
      double[] sin = new double[n / 2];
      for (int k = 0; k < n / 2; k++) { // twiddles once, not per butterfly: cos/sin dominate otherwise
        cos[k] = Math.cos(2 * Math.PI * k / n);
        sin[k] = (inverse ? 1 : -1) * Math.sin(2 * Math.PI * k / n);
      }
      for (int length = 2; length <= n; length <<= 1) {
        for (int start = 0; start < n; start += length) {
          butterflies(re, im, start, length, cos, sin);
        }
      }
      if (inverse) {
        for (int i = 0; i < n; i++) {
          re[i] /= n;
          im[i] /= n;
        }
      }
    }

    private static void butterflies(double[] re, double[] im, int start, int length, double[] cos, double[] sin) {
      int half = length / 2;
      int step = re.length / length;
      for (int k = 0; k < half; k++) {
        double wr = cos[k * step];
        double wi = sin[k * step];
        int a = start + k;
        int b = a + half;
        double tr = re[b] * wr - im[b] * wi;
        double ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }

    private static void swap(double[] values, int i, int j) {
      double t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
