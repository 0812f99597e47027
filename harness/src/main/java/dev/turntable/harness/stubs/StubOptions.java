package dev.turntable.harness.stubs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run {@link ServiceStubs}.
 *
 * @param timing delays of generated replies, and the speed that also scales recorded ones
 * @param host interface to listen on: 127.0.0.1 (default), or 0.0.0.0 in a container
 * @param port TCP port; 0 picks a free one
 * @param recordings a fixture's {@code http/} folder ({@code mappings/} + {@code __files/}) whose
 *     recorded exchanges are replayed, or null for generated replies only
 * @param speech how TTS audio is made
 */
public record StubOptions(StubTiming timing, String host, int port, Path recordings, SpeechEngine speech) {
  public StubOptions {
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(speech, "speech");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, got " + port);
    }
  }

  /** Default timing, a free port on 127.0.0.1, no recordings, espeak-ng speech when available. */
  public static StubOptions defaults() {
    return new StubOptions(StubTiming.DEFAULT, "127.0.0.1", 0, null, SpeechEngine.AUTO);
  }

  public StubOptions withTiming(StubTiming timing) {
    return new StubOptions(timing, host, port, recordings, speech);
  }

  public StubOptions withHost(String host) {
    return new StubOptions(timing, host, port, recordings, speech);
  }

  public StubOptions withPort(int port) {
    return new StubOptions(timing, host, port, recordings, speech);
  }

  /** Replays the mappings under {@code httpDir/mappings} with bodies from {@code httpDir/__files}. */
  public StubOptions withRecordings(Path httpDir) {
    return new StubOptions(timing, host, port, Objects.requireNonNull(httpDir, "httpDir"), speech);
  }

  public StubOptions withSpeech(SpeechEngine speech) {
    return new StubOptions(timing, host, port, recordings, speech);
  }
}
