package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A plain Java-WebSocket client for the tests: every frame from the server becomes an event on a
 * queue, read with a timeout. {@link #sendAudioAndSync} uses a ping as a barrier: the server
 * answers it after processing the audio frame before it, so the messages received before the pong
 * are exactly those that frame released.
 */
final class TestClient extends WebSocketClient {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int SAMPLE_RATE = 16_000;
  private static final long TIMEOUT_SECONDS = 5;

  sealed interface Event {}

  record Text(JsonNode json) implements Event {}

  record Closed(int code, String reason, boolean remote) implements Event {}

  record Pong() implements Event {}

  record Failed(Exception error) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile int handshakeStatus;

  TestClient(URI url, Map<String, String> headers) {
    super(url, headers);
    setTcpNoDelay(true);
  }

  static TestClient connect(URI url, Map<String, String> headers) throws InterruptedException {
    TestClient client = new TestClient(url, headers);
    client.connectOrFail();
    return client;
  }

  void connectOrFail() throws InterruptedException {
    // A rejected client may be closed again before connectBlocking looks: opening is enough.
    if (!connectBlocking(TIMEOUT_SECONDS, TimeUnit.SECONDS) && handshakeStatus == 0) {
      throw new AssertionError("could not connect to " + getURI() + "; events: " + events);
    }
  }

  int handshakeStatus() {
    return handshakeStatus;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    handshakeStatus = handshake.getHttpStatus();
  }

  @Override
  public void onMessage(String message) {
    try {
      events.add(new Text(JSON.readTree(message)));
    } catch (Exception e) {
      events.add(new Failed(e));
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    events.add(new Closed(code, reason, remote));
  }

  @Override
  public void onError(Exception error) {
    events.add(new Failed(error));
  }

  @Override
  public void onWebsocketPong(WebSocket connection, Framedata pong) {
    events.add(new Pong());
  }

  Event next(String waitingFor) throws InterruptedException {
    Event event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("timed out waiting for " + waitingFor);
    }
    return event;
  }

  /** Fails if the server sends anything (message or close) within this time. */
  void expectNothingFor(java.time.Duration quiet) throws InterruptedException {
    Event event = events.poll(quiet.toNanos(), TimeUnit.NANOSECONDS);
    if (event != null && !(event instanceof Pong)) {
      throw new AssertionError("expected nothing for " + quiet + ", got " + event);
    }
  }

  /** The next server message; fails if the connection closes first. */
  JsonNode nextMessage() throws InterruptedException {
    Event event = next("a server message");
    if (event instanceof Text text) {
      return text.json();
    }
    throw new AssertionError("expected a server message, got " + event);
  }

  /** The next message, which must have this type. */
  JsonNode nextMessage(String type) throws InterruptedException {
    JsonNode message = nextMessage();
    if (!message.path("type").asText().equals(type)) {
      throw new AssertionError("expected a " + type + " message, got " + message);
    }
    return message;
  }

  /** Reads messages up to the close; returns them with the close last. */
  List<Event> untilClosed() throws InterruptedException {
    List<Event> seen = new ArrayList<>();
    while (true) {
      Event event = next("the connection to close; seen so far: " + seen);
      if (!(event instanceof Pong)) {
        seen.add(event);
      }
      if (event instanceof Closed) {
        return seen;
      }
    }
  }

  static Closed closeOf(List<Event> events) {
    return (Closed) events.get(events.size() - 1);
  }

  static List<JsonNode> messagesOf(List<Event> events) {
    return events.stream().filter(Text.class::isInstance).map(e -> ((Text) e).json()).toList();
  }

  void sendJson(String json) {
    send(json);
  }

  /**
   * Sends {@code ms} of silent 16 kHz s16le audio in one frame. Once the server has closed, the
   * frame is dropped, as on the wire; the close is on the event queue for the test to check.
   */
  void sendAudio(long ms) {
    try {
      send(ByteBuffer.wrap(new byte[(int) (ms * SAMPLE_RATE / 1000 * 2)]));
    } catch (WebsocketNotConnectedException closedByServer) {
      // The test reads the close from the event queue.
    }
  }

  /** Sends one audio frame and returns the messages the server sent in answer to it. */
  List<JsonNode> sendAudioAndSync(long ms) throws InterruptedException {
    sendAudio(ms);
    return sync();
  }

  /** Waits until the server has processed everything sent so far; returns what it sent meanwhile. */
  List<JsonNode> sync() throws InterruptedException {
    sendPing();
    List<JsonNode> messages = new ArrayList<>();
    while (true) {
      Event event = next("the pong after the frames sent so far");
      if (event instanceof Pong) {
        return messages;
      }
      if (!(event instanceof Text text)) {
        throw new AssertionError("expected messages then a pong, got " + event);
      }
      messages.add(text.json());
    }
  }
}
