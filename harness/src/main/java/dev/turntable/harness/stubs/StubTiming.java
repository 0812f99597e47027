package dev.turntable.harness.stubs;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the stubbed services answer, and how much faster than that a replay runs.
 *
 * <p>The base figures describe the real services at 1×; {@link #speed()} divides every delay
 * (generated replies and recorded mappings alike), so a replay at 4× keeps the same interleaving.
 *
 * @param llmFirstToken time from request to the first content token
 * @param llmTokensPerSecond streaming pace after the first token ({@code Infinity} for no pacing)
 * @param ttsFirstByte time from request to the first audio byte
 * @param ttsRealtimeFactor how many times faster than real time audio is delivered
 * @param ttsChunk how much audio each streamed chunk holds
 * @param speed replay speed: 2.0 halves every delay
 */
public record StubTiming(
    Duration llmFirstToken,
    double llmTokensPerSecond,
    Duration ttsFirstByte,
    double ttsRealtimeFactor,
    Duration ttsChunk,
    double speed) {

  /** Typical figures: LLM 300 ms to first token then 40 tokens/s; TTS 150 ms, audio 3× real time. */
  public static final StubTiming DEFAULT =
      new StubTiming(
          Duration.ofMillis(300), 40, Duration.ofMillis(150), 3.0, Duration.ofMillis(100), 1.0);

  /** No delays at all: for tests that only care about content. */
  public static final StubTiming INSTANT =
      new StubTiming(
          Duration.ZERO,
          Double.POSITIVE_INFINITY,
          Duration.ZERO,
          Double.POSITIVE_INFINITY,
          Duration.ofMillis(100),
          1.0);

  public StubTiming {
    Objects.requireNonNull(llmFirstToken, "llmFirstToken");
    Objects.requireNonNull(ttsFirstByte, "ttsFirstByte");
    Objects.requireNonNull(ttsChunk, "ttsChunk");
    requireNotNegative(llmFirstToken, "llmFirstToken");
    requireNotNegative(ttsFirstByte, "ttsFirstByte");
    if (ttsChunk.toMillis() < 10) {
      throw new IllegalArgumentException("ttsChunk must hold at least 10 ms of audio, got " + ttsChunk);
    }
    requirePositive(llmTokensPerSecond, "llmTokensPerSecond");
    requirePositive(ttsRealtimeFactor, "ttsRealtimeFactor");
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive finite factor, got " + speed);
    }
  }

  /** The same timing replayed {@code factor} times faster (factors multiply: 2 then 3 is 6×). */
  public StubTiming scale(double factor) {
    return new StubTiming(
        llmFirstToken, llmTokensPerSecond, ttsFirstByte, ttsRealtimeFactor, ttsChunk, speed * factor);
  }

  /** Delay before the first LLM token, at {@link #speed()}. */
  public int llmFirstTokenMillis() {
    return scaled(llmFirstToken.toMillis());
  }

  /** Gap between LLM stream events, at {@link #speed()}; 0 when unpaced. */
  public double llmMillisPerToken() {
    return 1000.0 / (llmTokensPerSecond * speed);
  }

  /** Delay before the first TTS audio byte, at {@link #speed()}. */
  public int ttsFirstByteMillis() {
    return scaled(ttsFirstByte.toMillis());
  }

  /** Wall milliseconds spent delivering one second of audio, at {@link #speed()}; 0 when unpaced. */
  public double ttsMillisPerAudioSecond() {
    return 1000.0 / (ttsRealtimeFactor * speed);
  }

  /** Delay in a recorded mapping, at {@link #speed()}. */
  public int scaleRecorded(long recordedMillis) {
    return scaled(recordedMillis);
  }

  private int scaled(long millis) {
    return (int) Math.round(millis / speed);
  }

  private static void requireNotNegative(Duration duration, String name) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
