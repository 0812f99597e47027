package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A tiny AssemblyAI v3 stand-in on 127.0.0.1 for this package's tests: sends Begin on connect,
 * answers Terminate with Termination and close 1000, and lets a test script everything else.
 */
final class LoopbackAssemblyAi extends WebSocketServer implements AutoCloseable {
  static final String BEGIN =
      "{\"type\":\"Begin\",\"id\":\"session-1\",\"expires_at\":1772570132,"
          + "\"configuration\":{\"model\":\"u3-rt-pro\",\"mode\":\"balanced\"}}";
  static final String TERMINATION =
      "{\"type\":\"Termination\",\"audio_duration_seconds\":13,\"session_duration_seconds\":14}";
  static final long WAIT_SECONDS = 5;

  private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
  private final CountDownLatch started = new CountDownLatch(1);
  volatile boolean answerTerminate = true;

  /** What the server sees of one client connection. */
  static final class Session {
    final WebSocket socket;
    final String resource;
    final Map<String, String> headers = new LinkedHashMap<>();

    /** Text frames as String, binary frames as byte[]. */
    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    Session(WebSocket socket, ClientHandshake handshake) {
      this.socket = socket;
      this.resource = handshake.getResourceDescriptor();
      handshake
          .iterateHttpFields()
          .forEachRemaining(n -> headers.put(n, handshake.getFieldValue(n)));
    }

    void send(String json) {
      socket.send(json);
    }

    Object nextReceived() throws InterruptedException {
      Object frame = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (frame == null) {
        fail("timed out waiting for a frame from the client");
      }
      return frame;
    }

    Map<String, String> query() {
      Map<String, String> params = new LinkedHashMap<>();
      String raw = URI.create(resource).getRawQuery();
      for (String pair : raw.split("&")) {
        String[] nameValue = pair.split("=", 2);
        params.put(decode(nameValue[0]), decode(nameValue[1]));
      }
      return params;
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
  }

  private LoopbackAssemblyAi() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  static LoopbackAssemblyAi started() throws InterruptedException {
    LoopbackAssemblyAi server = new LoopbackAssemblyAi();
    server.start();
    if (!server.started.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      fail("timed out waiting for the loopback server to start");
    }
    return server;
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + getPort() + "/v3/ws");
  }

  Session awaitSession() throws InterruptedException {
    Session session = sessions.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (session == null) {
      fail("timed out waiting for the client to connect");
    }
    return session;
  }

  /** Null when no further connection arrives within the wait; used to prove there is none. */
  Session pollSession(long millis) throws InterruptedException {
    return sessions.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    Session session = new Session(socket, handshake);
    socket.setAttachment(session);
    socket.send(BEGIN);
    sessions.add(session);
  }

  @Override
  public void onMessage(WebSocket socket, String message) {
    Session session = socket.getAttachment();
    session.received.add(message);
    if (answerTerminate && message.contains("\"Terminate\"")) {
      socket.send(TERMINATION);
      socket.close(1000);
    }
  }

  @Override
  public void onMessage(WebSocket socket, ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    Session session = socket.getAttachment();
    session.received.add(copy);
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

  @Override
  public void onError(WebSocket socket, Exception e) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
