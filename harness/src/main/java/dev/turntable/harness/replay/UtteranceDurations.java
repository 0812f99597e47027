package dev.turntable.harness.replay;

/**
 * How long a line takes to say when the script does not give {@code duration_ms}: 300 ms, plus
 * 55 ms per letter or digit, plus 150 ms per pause inside the line ({@code , ; : .} before more
 * words). Close to espeak-ng's default voice (within ~20% on the bundled lines). The estimate, not
 * the synthesized audio, fixes the utterance's span, so a run decides the same whether espeak-ng
 * or the fallback tone made the microphone audio.
 */
final class UtteranceDurations {
  static final long BASE_MS = 300;
  static final long PER_LETTER_MS = 55;
  static final long PER_PAUSE_MS = 150;

  private UtteranceDurations() {}

  static long estimateMs(String text) {
    String spoken = text.strip();
    long letters = spoken.chars().filter(Character::isLetterOrDigit).count();
    long pauses = 0;
    for (int i = 0; i < spoken.length() - 1; i++) {
      if (",;:.".indexOf(spoken.charAt(i)) >= 0 && Character.isWhitespace(spoken.charAt(i + 1))) {
        pauses++;
      }
    }
    return BASE_MS + PER_LETTER_MS * letters + PER_PAUSE_MS * pauses;
  }
}
