package dev.turntable.harness.mockstt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connection parameters of one streaming session, parsed from the query string of the upgrade
 * request and changed later by {@code UpdateConfiguration}. Defaults are those of {@code
 * u3-rt-pro}. Parameters this mock does not model are kept, raw, in {@link #other()}; the
 * credential ({@code token}) is never kept.
 *
 * @param inactivityTimeout {@code inactivity_timeout}; the mock also accepts fractions of a second
 *     (e.g. {@code 0.5}) so tests need not wait five seconds
 */
public record SessionParameters(
    int sampleRate,
    String encoding,
    String speechModel,
    String mode,
    int minTurnSilenceMs,
    int maxTurnSilenceMs,
    List<String> keytermsPrompt,
    Optional<String> prompt,
    boolean languageDetection,
    boolean formatTurns,
    boolean speakerLabels,
    Optional<Integer> maxSpeakers,
    Optional<Duration> inactivityTimeout,
    double vadThreshold,
    Map<String, String> other) {

  public static final int DEFAULT_SAMPLE_RATE = 16_000;
  public static final String DEFAULT_ENCODING = "pcm_s16le";
  public static final String DEFAULT_SPEECH_MODEL = "u3-rt-pro";
  public static final String DEFAULT_MODE = "balanced";
  public static final int DEFAULT_MIN_TURN_SILENCE_MS = 100;
  public static final int DEFAULT_MAX_TURN_SILENCE_MS = 1000;
  public static final double DEFAULT_VAD_THRESHOLD = 0.3;

  public SessionParameters {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample_rate must be positive, was " + sampleRate);
    }
    if (minTurnSilenceMs < 0 || maxTurnSilenceMs < 0) {
      throw new IllegalArgumentException(
          "turn silences must not be negative, were min "
              + minTurnSilenceMs
              + " max "
              + maxTurnSilenceMs);
    }
    keytermsPrompt = List.copyOf(keytermsPrompt);
    other = Map.copyOf(other);
  }

  /** What a client gets when it sends no parameter at all. */
  public static SessionParameters defaults() {
    return new SessionParameters(
        DEFAULT_SAMPLE_RATE,
        DEFAULT_ENCODING,
        DEFAULT_SPEECH_MODEL,
        DEFAULT_MODE,
        DEFAULT_MIN_TURN_SILENCE_MS,
        DEFAULT_MAX_TURN_SILENCE_MS,
        List.of(),
        Optional.empty(),
        false,
        false,
        false,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_VAD_THRESHOLD,
        Map.of());
  }

  /**
   * Parses decoded query parameters. Booleans are case-insensitive ({@code True}, {@code false}),
   * lists are JSON arrays ({@code ["a","b"]}).
   *
   * @throws IllegalArgumentException naming the parameter and the value it could not read
   */
  public static SessionParameters parse(Map<String, String> query) {
    return QueryParameterParser.parse(query);
  }

  /** Bytes per sample of {@link #encoding()}: 2 for {@code pcm_s16le}, 1 for {@code pcm_mulaw}. */
  public int bytesPerSample() {
    return "pcm_mulaw".equals(encoding) ? 1 : 2;
  }

  SessionParameters withSilences(int minMs, int maxMs) {
    return new SessionParameters(
        sampleRate, encoding, speechModel, mode, minMs, maxMs, keytermsPrompt, prompt,
        languageDetection, formatTurns, speakerLabels, maxSpeakers, inactivityTimeout,
        vadThreshold, other);
  }

  SessionParameters withPrompts(List<String> keyterms, Optional<String> newPrompt) {
    return new SessionParameters(
        sampleRate, encoding, speechModel, mode, minTurnSilenceMs, maxTurnSilenceMs, keyterms,
        newPrompt, languageDetection, formatTurns, speakerLabels, maxSpeakers, inactivityTimeout,
        vadThreshold, other);
  }

  SessionParameters withTuning(String newMode, double newVadThreshold, Map<String, String> more) {
    return new SessionParameters(
        sampleRate, encoding, speechModel, newMode, minTurnSilenceMs, maxTurnSilenceMs,
        keytermsPrompt, prompt, languageDetection, formatTurns, speakerLabels, maxSpeakers,
        inactivityTimeout, newVadThreshold, more);
  }
}
