package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.Cancellable;
import java.time.Duration;

/** What a {@link SessionDriver} can do with its session. Use it only from the driver's calls. */
public interface SessionHandle {

  /** The session id sent in {@code Begin}. */
  String id();

  /** The current parameters, including every {@code UpdateConfiguration} applied so far. */
  SessionParameters parameters();

  /** Audio received so far, in ms at the session's sample rate. */
  long audioMs();

  /** Sends a message now (through the server's outgoing faults). */
  void send(JsonNode message);

  /**
   * Sends a message that was due when the audio reached {@code dueAudioMs}, and records the
   * release: how much audio had arrived beyond that point, and how long after the frame (or
   * timer) that made it due the message was handed to the socket.
   */
  void release(JsonNode message, long dueAudioMs);

  /**
   * Runs {@code task} after {@code delay} on the server's timer thread, under the session's lock,
   * unless the session has closed by then. The release lateness of messages it sends is measured
   * from the moment the task was due.
   */
  Cancellable schedule(Duration delay, Runnable task);

  /**
   * Ends the connection the way a recorded one ended: {@code 1006} (abnormal closure, which no close
   * frame may carry) drops the TCP connection without a close frame; any other code is sent in a
   * close frame with {@code reason}. Nothing is sent after it. The mock server's sessions and the
   * virtual-time STT can; a handle that cannot refuses.
   */
  default void disconnect(int code, String reason) {
    throw new UnsupportedOperationException(
        "this session cannot be disconnected (close code " + code + ")");
  }
}
