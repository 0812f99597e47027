package dev.turntable.agent.turn;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a user turn heard while the agent speaks (or within the grace window after its
 * audio really ended) is an interruption. Pure: the caller says whether the agent is audible and
 * how long ago playback ended.
 *
 * <p>From the barge-in guide, with one change: the guide keeps "yes"/"no" out of the backchannels
 * so they count as confirmations, yet its minimum of two words drops a bare "yes" anyway. Here
 * {@link #alwaysInterrupt()} names the words that interrupt whatever their length.
 */
public record InterruptionPolicy(
    Set<String> backchannels, int minWords, Duration graceWindow, Set<String> alwaysInterrupt) {

  public static final Set<String> DEFAULT_BACKCHANNELS =
      Set.of(
          "mhm", "mm", "mmhm", "mmhmm", "uh", "uhhuh", "huh", "um", "umm", "uhm", "er", "erm", "hmm",
          "hm", "ah", "oh", "yeah", "yep", "yup", "okay", "ok", "right", "alright", "gotcha");
  public static final Set<String> DEFAULT_ALWAYS_INTERRUPT = Set.of("stop", "wait", "no", "yes");
  public static final int DEFAULT_MIN_WORDS = 2;
  public static final Duration DEFAULT_GRACE_WINDOW = Duration.ofSeconds(1);

  public InterruptionPolicy {
    if (minWords < 1) {
      throw new IllegalArgumentException("minWords must be at least 1, was " + minWords);
    }
    if (graceWindow == null || graceWindow.isNegative()) {
      throw new IllegalArgumentException("graceWindow must be zero or positive");
    }
    backchannels = normalize(backchannels);
    alwaysInterrupt = normalize(alwaysInterrupt);
  }

  public static InterruptionPolicy defaults() {
    return new InterruptionPolicy(
        DEFAULT_BACKCHANNELS, DEFAULT_MIN_WORDS, DEFAULT_GRACE_WINDOW, DEFAULT_ALWAYS_INTERRUPT);
  }

  /** The guide's policy exactly, without always-interrupt words: a bare "yes" is dropped. */
  public static InterruptionPolicy guideOriginal() {
    return new InterruptionPolicy(
        DEFAULT_BACKCHANNELS, DEFAULT_MIN_WORDS, DEFAULT_GRACE_WINDOW, Set.of());
  }

  /**
   * @param agentAudible the speaker is playing the agent's audio right now
   * @param sincePlaybackEnded time since the agent's audio last stopped coming out, or null if it
   *     never played
   */
  public InterruptionRule evaluate(String transcript, boolean agentAudible, Duration sincePlaybackEnded) {
    return evaluate(
        transcript,
        agentAudible
            || (sincePlaybackEnded != null && sincePlaybackEnded.compareTo(graceWindow) <= 0));
  }

  /**
   * @param saidOverAgent the turn was spoken while the agent was audible or within the grace
   *     window after its audio ended, as the caller measured it (on the audio axis)
   */
  public InterruptionRule evaluate(String transcript, boolean saidOverAgent) {
    if (!saidOverAgent) {
      return InterruptionRule.AGENT_SILENT;
    }
    List<String> tokens = tokens(transcript);
    if (tokens.isEmpty()) {
      return InterruptionRule.EMPTY;
    }
    if (tokens.stream().anyMatch(alwaysInterrupt::contains)) {
      return InterruptionRule.ALWAYS_INTERRUPT_WORD;
    }
    if (backchannels.containsAll(tokens)) {
      return InterruptionRule.BACKCHANNEL_ONLY;
    }
    if (tokens.size() < minWords) {
      return InterruptionRule.TOO_SHORT;
    }
    return InterruptionRule.SUBSTANTIVE;
  }

  /** Lower-cased words with all punctuation removed ("Uh-huh." → "uhhuh"), as the guide does. */
  static List<String> tokens(String transcript) {
    if (transcript == null) {
      return List.of();
    }
    String folded = transcript.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", "");
    return Arrays.stream(folded.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
  }

  private static Set<String> normalize(Set<String> words) {
    if (words == null) {
      return Set.of();
    }
    return words.stream()
        .flatMap(w -> tokens(w).stream())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
