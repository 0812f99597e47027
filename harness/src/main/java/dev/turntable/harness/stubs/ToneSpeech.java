package dev.turntable.harness.stubs;

/**
 * Speech-shaped tone: about 65 ms per character (a speaking rate of ~14 characters a second),
 * a voiced hum in each word and silence at spaces, so playback, barge-in and timing code see
 * audio of the length real speech would have. Deterministic: same text, same bytes.
 */
final class ToneSpeech implements SpeechRenderer {
  static final int MILLIS_PER_CHARACTER = 65;
  private static final double PITCH_HZ = 180;
  private static final double AMPLITUDE = 0.3 * Short.MAX_VALUE;

  @Override
  public String name() {
    return "tone";
  }

  @Override
  public byte[] render(String text, int sampleRate) {
    String spoken = text.strip().isEmpty() ? " " : text.strip();
    int samplesPerCharacter = sampleRate * MILLIS_PER_CHARACTER / 1000;
    byte[] pcm = new byte[spoken.length() * samplesPerCharacter * 2];
    for (int c = 0; c < spoken.length(); c++) {
      if (Character.isWhitespace(spoken.charAt(c))) {
        continue;
      }
      for (int i = 0; i < samplesPerCharacter; i++) {
        int sample = c * samplesPerCharacter + i;
        // Fade each character in and out so words do not click at their edges.
        double envelope = Math.sin(Math.PI * i / samplesPerCharacter);
        double value = AMPLITUDE * envelope * Math.sin(2 * Math.PI * PITCH_HZ * sample / sampleRate);
        writeSample(pcm, sample, (short) Math.round(value));
      }
    }
    return pcm;
  }

  private static void writeSample(byte[] pcm, int index, short value) {
    pcm[2 * index] = (byte) value;
    pcm[2 * index + 1] = (byte) (value >> 8);
  }
}
