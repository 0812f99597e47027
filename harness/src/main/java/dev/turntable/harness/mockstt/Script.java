package dev.turntable.harness.mockstt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A scripted session for {@link ScriptedDriver}: the utterances and how the simulated model times
 * its messages. The file format is described in {@code harness/docs/mock-stt-script.md}.
 *
 * @param minTurnSilenceMs if set, overrides the client's {@code min_turn_silence} until an {@code
 *     UpdateConfiguration} sets it
 * @param maxTurnSilenceMs likewise for {@code max_turn_silence}
 * @param speechStartedDelayMs how long after an utterance starts its {@code SpeechStarted} goes out
 * @param earlyPartialAfterMs speech after which an utterance longer than this gets an early
 *     partial; 0 turns early partials off
 * @param wordConfidence the {@code confidence} of every word
 * @param languageCode sent as {@code language_code} when the client asked for language detection
 */
public record Script(
    List<Utterance> utterances,
    Optional<Integer> minTurnSilenceMs,
    Optional<Integer> maxTurnSilenceMs,
    long speechStartedDelayMs,
    long earlyPartialAfterMs,
    double wordConfidence,
    String languageCode) {

  public static final long DEFAULT_SPEECH_STARTED_DELAY_MS = 100;
  public static final long DEFAULT_EARLY_PARTIAL_AFTER_MS = 750;
  public static final double DEFAULT_WORD_CONFIDENCE = 0.95;

  public Script {
    utterances = List.copyOf(utterances);
    for (int i = 1; i < utterances.size(); i++) {
      if (utterances.get(i).startMs() < utterances.get(i - 1).endMs()) {
        throw new IllegalArgumentException("utterances[" + i + "] starts at "
            + utterances.get(i).startMs() + " ms, before utterances[" + (i - 1) + "] ends at "
            + utterances.get(i - 1).endMs() + " ms; utterances must be in order and not overlap");
      }
    }
    requireNonNegative(minTurnSilenceMs.orElse(0), "min_turn_silence");
    requireNonNegative(maxTurnSilenceMs.orElse(0), "max_turn_silence");
    requireNonNegative(speechStartedDelayMs, "speech_started_delay_ms");
    requireNonNegative(earlyPartialAfterMs, "early_partial_after_ms");
    if (!(wordConfidence >= 0 && wordConfidence <= 1)) {
      throw new IllegalArgumentException("word_confidence must be 0-1, was " + wordConfidence);
    }
  }

  /** These utterances with the default timing and the client's turn silences. */
  public static Script of(Utterance... utterances) {
    return new Script(List.of(utterances), Optional.empty(), Optional.empty(),
        DEFAULT_SPEECH_STARTED_DELAY_MS, DEFAULT_EARLY_PARTIAL_AFTER_MS, DEFAULT_WORD_CONFIDENCE,
        "en");
  }

  /**
   * Reads a script file.
   *
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static Script load(Path file) throws IOException {
    return ScriptLoader.load(file);
  }

  public Script withTurnSilences(int minMs, int maxMs) {
    return new Script(utterances, Optional.of(minMs), Optional.of(maxMs), speechStartedDelayMs,
        earlyPartialAfterMs, wordConfidence, languageCode);
  }

  private static void requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
