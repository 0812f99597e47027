package dev.turntable.harness.stubs;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for a stubbed service to misbehave. Each is served with the service's own error shape
 * and framing, so clients see what they would see from the real service.
 */
public sealed interface HttpFault {

  /**
   * An HTTP error with the service's error body, and {@code Retry-After} (whole seconds, rounded
   * up) when {@code retryAfter} is positive.
   */
  record Status(int status, Duration retryAfter) implements HttpFault {
    public Status {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("an HTTP fault needs a 4xx or 5xx status, got " + status);
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
      }
    }
  }

  /** A normal reply delivered {@code factor} times slower: later first byte, slower pace. */
  record Slow(double factor) implements HttpFault {
    public Slow {
      if (!(factor >= 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("a slow stream needs a finite factor >= 1, got " + factor);
      }
    }
  }

  /**
   * 200 and the start of a normal reply, then the connection closes without the rest: no terminal
   * event ({@code [DONE]}, {@code message_stop}) and no final HTTP chunk, so the client reads an
   * unexpected end of stream, as on a dropped connection.
   *
   * @param fraction share of the reply's tokens (or audio) delivered before the cut, in (0, 1)
   */
  record Cut(double fraction) implements HttpFault {
    public Cut {
      requireFraction(fraction);
    }
  }

  /**
   * LLM only: 200, part of the stream, then the service's in-stream error event (OpenAI
   * {@code data: {"error":…}}, Anthropic {@code event: error} overloaded) and the end of the body.
   */
  record StreamError(double fraction) implements HttpFault {
    public StreamError {
      requireFraction(fraction);
    }
  }

  /** The connection is reset before any response: a TCP RST instead of an HTTP answer. */
  record ConnectionReset() implements HttpFault {}

  /** The status with the service's error body; 429, 503 and 529 say {@code Retry-After: 1}. */
  static HttpFault status(int status) {
    boolean retryable = status == 429 || status == 503 || status == 529;
    return new Status(status, retryable ? Duration.ofSeconds(1) : Duration.ZERO);
  }

  static HttpFault rateLimited(Duration retryAfter) {
    return new Status(429, retryAfter);
  }

  static HttpFault slow(double factor) {
    return new Slow(factor);
  }

  static HttpFault cutMidway() {
    return new Cut(0.5);
  }

  static HttpFault cutAfter(double fraction) {
    return new Cut(fraction);
  }

  static HttpFault streamError() {
    return new StreamError(0.5);
  }

  static HttpFault connectionReset() {
    return new ConnectionReset();
  }

  private static void requireFraction(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1 (exclusive), got " + fraction);
    }
  }
}
