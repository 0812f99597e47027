package dev.turntable.agent.tts.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to a TTS service. Messages sent while the upgrade is still under way wait for it,
 * so a reply can start writing text the moment it has some; the caller never blocks on the
 * network. Incoming JSON is parsed on the socket's own (named, daemon) read thread and handed to
 * the {@link Handler}, which must only enqueue.
 */
public final class TtsSocket extends WebSocketClient {
  private static final Logger log = LoggerFactory.getLogger(TtsSocket.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  /** Callbacks on the read thread. */
  public interface Handler {
    void message(JsonNode message);

    /** The socket closed; {@code code} is the WebSocket close code (1006 when it just dropped). */
    void closed(int code, String reason);
  }

  private final Handler handler;
  private final String threadName;
  private final Queue<String> unsent = new ArrayDeque<>(); // guarded by this
  private boolean opened; // guarded by this

  public TtsSocket(URI uri, Map<String, String> headers, String threadName, Handler handler) {
    super(uri, new Draft_6455(), headers, CONNECT_TIMEOUT_MS);
    this.handler = handler;
    this.threadName = threadName;
    setTcpNoDelay(true); // small text messages must not wait for Nagle's algorithm
    setDaemon(true); // an idle connection must never keep the JVM alive
  }

  @Override
  public void run() {
    Thread.currentThread().setName(threadName);
    super.run();
  }

  /** Sends now if open, later if still connecting; dropped once the socket has closed. */
  public synchronized void sendJson(Object message) {
    String text = message instanceof String s ? s : toJson(message);
    if (!opened) {
      unsent.add(text);
      return;
    }
    try {
      send(text);
    } catch (WebsocketNotConnectedException e) {
      log.debug("{}: message dropped, the socket is closed", threadName);
    }
  }

  /** True until the socket has closed or started closing. */
  public boolean usable() {
    return !isClosing() && !isClosed();
  }

  @Override
  public synchronized void onOpen(ServerHandshake handshake) {
    opened = true;
    while (!unsent.isEmpty()) {
      send(unsent.poll());
    }
  }

  @Override
  public void onMessage(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (Exception e) {
      log.warn("{}: ignoring a message that is not JSON", threadName);
      return;
    }
    handler.message(message);
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    handler.closed(code, reason == null ? "" : reason);
  }

  @Override
  public void onError(Exception error) {
    // onClose always follows and reports the failure; the exception may name the URL, not keys.
    log.debug("{}: {}", threadName, error.toString());
  }

  /**
   * Whether a stream closed with {@code code} is worth opening again: the connection dropped (1006),
   * the server went away or restarted (1001, 1012), failed (1011) or asked to be tried later (1013,
   * 1014). A refusal (1008 for a bad key, the services' 4xxx codes) would only be refused again.
   */
  public static boolean retryable(int code) {
    return switch (code) {
      case 1001, 1006, 1011, 1012, 1013, 1014 -> true;
      default -> false;
    };
  }

  private static String toJson(Object message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot write " + message + " as JSON", e);
    }
  }
}
