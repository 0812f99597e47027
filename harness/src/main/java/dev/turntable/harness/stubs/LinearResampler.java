package dev.turntable.harness.stubs;

/** Converts mono S16LE PCM between sample rates by linear interpolation: enough for stub speech. */
final class LinearResampler {
  private LinearResampler() {}

  static byte[] resample(byte[] pcm, int fromRate, int toRate) {
    if (fromRate == toRate) {
      return pcm;
    }
    int inSamples = pcm.length / 2;
    int outSamples = (int) ((long) inSamples * toRate / fromRate);
    byte[] out = new byte[outSamples * 2];
    for (int i = 0; i < outSamples; i++) {
      double position = (double) i * fromRate / toRate;
      int left = (int) position;
      int right = Math.min(left + 1, inSamples - 1);
      double weight = position - left;
      double value = sample(pcm, left) * (1 - weight) + sample(pcm, right) * weight;
      short rounded = (short) Math.round(value);
      out[2 * i] = (byte) rounded;
      out[2 * i + 1] = (byte) (rounded >> 8);
    }
    return out;
  }

  private static int sample(byte[] pcm, int index) {
    return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
  }
}
