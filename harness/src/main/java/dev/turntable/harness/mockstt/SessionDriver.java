package dev.turntable.harness.mockstt;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Decides what the mock transcribes in one session: one instance per connection, made by the
 * server's driver factory. The server handles the protocol (handshake, Begin, validation,
 * Termination, faults); the driver only emits transcript messages through its {@link
 * SessionHandle}.
 *
 * <p>Calls never overlap: they come one at a time, under the session's lock, mostly on the
 * WebSocket thread that has just read the client's frame, so a message sent from {@link
 * #audioReceived} leaves right as the audio frame that made it due is processed.
 */
public interface SessionDriver {

  /** The client is authorised and {@code Begin} has been sent. Keep the handle. */
  void opened(SessionParameters parameters, SessionHandle session);

  /**
   * The audio of a binary frame, just before {@link #audioReceived} counts it: for a driver that
   * listens to what the client sends. A read-only view, valid only during the call.
   */
  default void audio(ByteBuffer frame) {}

  /** A binary frame was counted: {@code totalAudioMs} of audio received so far. */
  void audioReceived(long totalAudioMs);

  /** The client sent {@code ForceEndpoint}: end the current turn now. */
  void forceEndpoint();

  /**
   * The client sent {@code Terminate}: send every pending Turn now. The server sends {@code
   * Termination} and closes with 1000 as soon as this returns.
   */
  void terminate();

  /**
   * The client sent {@code UpdateConfiguration}; {@code changed} names the fields it set (e.g.
   * {@code min_turn_silence}).
   */
  void configUpdated(SessionParameters parameters, Set<String> changed);

  /** The connection is gone, whoever closed it. Scheduled tasks are cancelled by the server. */
  default void closed() {}

  /** A driver that never transcribes: useful to test the protocol alone. */
  static SessionDriver silent() {
    return new SessionDriver() {
      @Override
      public void opened(SessionParameters parameters, SessionHandle session) {}

      @Override
      public void audioReceived(long totalAudioMs) {}

      @Override
      public void forceEndpoint() {}

      @Override
      public void terminate() {}

      @Override
      public void configUpdated(SessionParameters parameters, Set<String> changed) {}
    };
  }
}
