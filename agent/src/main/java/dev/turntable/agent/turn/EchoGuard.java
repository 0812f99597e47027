package dev.turntable.agent.turn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the agent's own voice, heard back through open speakers, from the user's, by text: a heard
 * word is echo when the agent played the same word at about the same moment. Times are stream
 * audio milliseconds, the axis of the transcript's word timestamps.
 *
 * <p>An echo reaches the microphone after the agent played it, by the acoustic path (tens of ms)
 * plus the recognizer's timestamp jitter; where each played word lies inside its TTS segment is
 * itself estimated from the segment's length. So a played word matches a heard one that starts up
 * to {@code lag} after it or up to {@code lead} before it. Wider windows catch more echo but start
 * swallowing a user who repeats the agent's words.
 *
 * @param enabled off in half-duplex mode, where the microphone hears nothing while the agent speaks
 */
public record EchoGuard(boolean enabled, Duration lag, Duration lead) {
  public static final Duration DEFAULT_LAG = Duration.ofMillis(900);
  public static final Duration DEFAULT_LEAD = Duration.ofMillis(500);
  private static final int MAX_MISHEARD_RUN = 2;

  /** A word the agent played, with when it began to come out of the speaker. */
  public record PlayedWord(String text, long startMs) {}

  /** A word the recognizer heard, with its start. */
  public record HeardWord(String text, long startMs) {}

  public EchoGuard {
    if (lag == null || lag.isNegative() || lead == null || lead.isNegative()) {
      throw new IllegalArgumentException("echo windows must be zero or positive");
    }
  }

  public static EchoGuard on() {
    return new EchoGuard(true, DEFAULT_LAG, DEFAULT_LEAD);
  }

  public static EchoGuard off() {
    return new EchoGuard(false, DEFAULT_LAG, DEFAULT_LEAD);
  }

  /**
   * The heard words that are not the agent's echo, in order, joined by spaces: what the user said.
   * Each played word explains at most one heard word. One or two words the recognizer got wrong
   * between two echoed words are echo too: the user's own words come before or after the echo,
   * not inside it. With the guard off, all of {@code heard}.
   */
  public String notEcho(List<HeardWord> heard, List<PlayedWord> played) {
    List<HeardWord> words = new ArrayList<>();
    for (HeardWord word : heard) {
      if (!InterruptionPolicy.tokens(word.text()).isEmpty()) {
        words.add(word);
      }
    }
    if (!enabled) {
      return String.join(" ", words.stream().map(HeardWord::text).toList());
    }
    boolean[] echo = new boolean[words.size()];
    boolean[] used = new boolean[played.size()];
    for (int i = 0; i < words.size(); i++) {
      HeardWord word = words.get(i);
      int match = closestMatch(normalized(word.text()), word.startMs(), played, used);
      if (match >= 0) {
        used[match] = true;
        echo[i] = true;
      }
    }
    absorbMisheardWords(echo);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!echo[i]) {
        kept.add(words.get(i).text());
      }
    }
    return String.join(" ", kept);
  }

  private static void absorbMisheardWords(boolean[] echo) {
    int i = 0;
    while (i < echo.length) {
      if (echo[i]) {
        i++;
        continue;
      }
      int end = i;
      while (end < echo.length && !echo[end]) {
        end++;
      }
      boolean inside = i > 0 && end < echo.length;
      if (inside && end - i <= MAX_MISHEARD_RUN) {
        for (int j = i; j < end; j++) {
          echo[j] = true;
        }
      }
      i = end;
    }
  }

  private int closestMatch(String token, long heardMs, List<PlayedWord> played, boolean[] used) {
    int best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < played.size(); i++) {
      PlayedWord candidate = played.get(i);
      long delay = heardMs - candidate.startMs();
      boolean inWindow = delay <= lag.toMillis() && -delay <= lead.toMillis();
      if (used[i] || !inWindow || !token.equals(normalized(candidate.text()))) {
        continue;
      }
      if (Math.abs(delay) < bestDistance) {
        best = i;
        bestDistance = Math.abs(delay);
      }
    }
    return best;
  }

  private static String normalized(String word) {
    return String.join("", InterruptionPolicy.tokens(word));
  }
}
