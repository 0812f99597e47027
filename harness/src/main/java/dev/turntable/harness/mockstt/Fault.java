package dev.turntable.harness.mockstt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault the mock injects into every session of a server. Faults {@linkplain AtAudio at an audio
 * position} fire once, when the audio received reaches that position, in the order they were
 * configured; faults {@linkplain OnOutgoing on outgoing messages} shape the timing of every frame
 * the server sends (messages and the close frame), always keeping their order, as TCP would.
 */
public sealed interface Fault {

  /** Fires when the session has received {@link #audioMs()} of audio. */
  sealed interface AtAudio extends Fault {
    long audioMs();
  }

  /** Applies to every frame the server sends. */
  sealed interface OnOutgoing extends Fault {}

  /** A clean close with this code and reason (no {@code Error} frame: add {@link ErrorFrameAt}). */
  record CloseAt(long audioMs, int code, String reason) implements AtAudio {
    public CloseAt {
      requireAudioMs(audioMs);
      requireSendableCloseCode(code);
      Objects.requireNonNull(reason, "reason");
      if (reason.getBytes(StandardCharsets.UTF_8).length > ServerMessages.MAX_CLOSE_REASON_BYTES) {
        throw new IllegalArgumentException(
            "a close reason holds at most 123 bytes, this one has "
                + reason.getBytes(StandardCharsets.UTF_8).length);
      }
    }
  }

  /** The TCP connection is closed without a close frame: the client sees 1006. */
  record DropAt(long audioMs) implements AtAudio {
    public DropAt {
      requireAudioMs(audioMs);
    }
  }

  /**
   * The server stops for this long: it processes no frame and sends nothing. Frames that arrive
   * meanwhile are processed, in order, when the stall ends; messages due meanwhile go out then.
   */
  record StallAt(long audioMs, Duration duration) implements AtAudio {
    public StallAt {
      requireAudioMs(audioMs);
      requirePositive(duration, "stall duration");
    }
  }

  /** An {@code Error} frame with this code and text; the session goes on (add a CloseAt). */
  record ErrorFrameAt(long audioMs, int code, String message) implements AtAudio {
    public ErrorFrameAt {
      requireAudioMs(audioMs);
      Objects.requireNonNull(message, "message");
    }
  }

  /** Every outgoing frame is sent this much later. */
  record Delay(Duration delay) implements OnOutgoing {
    public Delay {
      requirePositive(delay, "delay");
    }
  }

  /**
   * Every outgoing frame is sent up to {@code max} later, uniformly at random from {@code seed}
   * (each session starts its own generator from the same seed), never overtaking an earlier one.
   */
  record Jitter(Duration max, long seed) implements OnOutgoing {
    public Jitter {
      requirePositive(max, "jitter maximum");
    }
  }

  private static void requireAudioMs(long audioMs) {
    if (audioMs < 0) {
      throw new IllegalArgumentException("audioMs must not be negative, was " + audioMs);
    }
  }

  private static void requirePositive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
  }

  /** Whether a close frame may carry {@code code} (RFC 6455 7.4.1). */
  static boolean sendableCloseCode(int code) {
    boolean reserved = code == 1004 || code == 1005 || code == 1006 || code >= 1015 && code < 3000;
    return code >= 1000 && code <= 4999 && !reserved;
  }

  /** Codes a close frame may carry (RFC 6455 7.4.1; 1005, 1006 and 1015 are never sent). */
  private static void requireSendableCloseCode(int code) {
    if (!sendableCloseCode(code)) {
      throw new IllegalArgumentException(
          "close code " + code + " cannot be sent in a close frame; use 1000-1014 except"
              + " 1004-1006, or 3000-4999 (use DropAt for an abnormal 1006)");
    }
  }
}
