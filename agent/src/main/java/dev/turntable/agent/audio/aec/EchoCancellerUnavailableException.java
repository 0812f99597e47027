package dev.turntable.agent.audio.aec;

import java.io.IOException;

/**
 * WebRTC's native audio processing cannot run here: the library is missing for this platform, or
 * failed to load. The message says why, in a sentence a user can act on.
 */
public final class EchoCancellerUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  EchoCancellerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  static EchoCancellerUnavailableException nativeLibrary(Throwable cause) {
    String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new EchoCancellerUnavailableException(
        "echo cancellation is unavailable: WebRTC's native audio library (webrtc-java, built for"
            + " linux-x86_64 here) did not load on " + os + ": " + root.getMessage(),
        cause);
  }

  static EchoCancellerUnavailableException unsupportedRate(String what, int sampleRate) {
    return new EchoCancellerUnavailableException(
        "echo cancellation works in 10 ms frames; the " + what + " rate " + sampleRate
            + " Hz does not divide into them (use a multiple of 100 Hz, e.g. 16000 or 24000)",
        null);
  }
}
