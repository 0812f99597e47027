package dev.turntable.agent.stt.assemblyai;

import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttWireTap;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to AssemblyAI. Every frame in or out passes the wire tap; messages are
 * parsed on the read thread and handed to {@link Events}, which must only enqueue.
 */
final class SessionConnection extends WebSocketClient {
  private static final Logger log = LoggerFactory.getLogger(SessionConnection.class);

  /** Callbacks, on the connection's read thread. */
  interface Events {
    void opened(SessionConnection connection);

    void message(SessionConnection connection, ServerMessage message);

    void closed(SessionConnection connection, int code, String reason);
  }

  private final SttWireTap tap;
  private final String redactedUrl;
  private final ServerMessageParser parser;
  private final Events events;
  private final String threadName;
  private final CountDownLatch settled = new CountDownLatch(1);
  private final CountDownLatch terminatedOrClosed = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile ServerMessage.ServerError lastError;
  private volatile boolean sawTermination;
  private volatile Thread readThread;

  SessionConnection(
      AssemblyAiOptions options,
      SttWireTap tap,
      ServerMessageParser parser,
      Events events,
      String threadName) {
    super(
        options.connectionUri(),
        new Draft_6455(),
        Map.of("Authorization", options.credential().secret()),
        (int) options.connectTimeout().toMillis());
    this.tap = tap;
    this.redactedUrl = options.redactedUrl();
    this.parser = parser;
    this.events = events;
    this.threadName = threadName;
    // 50 ms audio frames and small control messages should not wait for Nagle's algorithm.
    setTcpNoDelay(true);
  }

  /** Runs on the thread Java-WebSocket starts for reading; give it a name that says whose it is. */
  @Override
  public void run() {
    readThread = Thread.currentThread();
    readThread.setName(threadName);
    super.run();
  }

  // The tap hears a frame before it is queued: the server's answer can arrive on the read thread
  // before send() returns, and a recording must keep the order the frames crossed the wire in.
  // Only a connection dropping between isOpen() and send() could make the tap see an unsent frame.
  boolean sendText(String json) {
    if (!isOpen()) {
      return false;
    }
    tap.sentText(json);
    try {
      send(json);
    } catch (WebsocketNotConnectedException e) {
      return false;
    }
    return true;
  }

  boolean sendAudio(byte[] pcm) {
    if (!isOpen()) {
      return false;
    }
    tap.sentAudio(pcm);
    try {
      send(pcm);
    } catch (WebsocketNotConnectedException e) {
      return false;
    }
    return true;
  }

  boolean hasSettled() {
    return settled.getCount() == 0;
  }

  boolean awaitSettled(Duration timeout) {
    return await(settled, timeout);
  }

  boolean awaitTerminationOrClose(Duration timeout) {
    return await(terminatedOrClosed, timeout);
  }

  boolean sawTermination() {
    return sawTermination;
  }

  ServerMessage.ServerError lastError() {
    return lastError;
  }

  /** Drops the connection at once, e.g. when the upgrade gets no answer. */
  void abort(String why) {
    closeConnection(CloseCodes.NEVER_CONNECTED, why);
    Socket socket = getSocket();
    try {
      if (socket != null) {
        socket.close(); // unblocks a read thread still waiting for the upgrade response
      }
    } catch (IOException e) {
      log.debug("closing the socket of an aborted connection failed", e);
    }
  }

  /**
   * Ends the connection, each step bounded by {@code timeout}: after Termination the server closes
   * by itself, so wait for that first; otherwise run the close handshake; then wait for the read
   * thread to end.
   */
  void closeGracefully(Duration timeout) {
    if (sawTermination && isOpen()) {
      await(closed, timeout);
    }
    if (isOpen()) {
      close(CloseCodes.NORMAL);
      if (!await(closed, timeout)) {
        log.warn("AssemblyAI did not answer the close handshake in {} ms", timeout.toMillis());
      }
    }
    if (closed.getCount() > 0 || !isClosed()) {
      abort("closed by the client");
    }
    Thread reader = readThread;
    if (reader != null && reader != Thread.currentThread()) {
      try {
        reader.join(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    tap.connected(redactedUrl);
    settled.countDown();
    events.opened(this);
  }

  @Override
  public void onMessage(String json) {
    tap.received(json);
    ServerMessage message = parser.parse(json);
    if (message instanceof ServerMessage.ServerError error) {
      lastError = error;
    } else if (message instanceof ServerMessage.Event event
        && event.event() instanceof SttEvent.SessionEnded) {
      sawTermination = true;
      terminatedOrClosed.countDown();
    }
    events.message(this, message);
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    log.debug("Ignoring a {}-byte binary frame from AssemblyAI", bytes.remaining());
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    tap.closed(code, reason, remote);
    settled.countDown();
    terminatedOrClosed.countDown();
    closed.countDown();
    events.closed(this, code, reason);
  }

  @Override
  public void onError(Exception e) {
    // A close with the reason follows; the exception itself only helps when debugging.
    log.debug("AssemblyAI connection error", e);
  }

  private static boolean await(CountDownLatch latch, Duration timeout) {
    try {
      return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
