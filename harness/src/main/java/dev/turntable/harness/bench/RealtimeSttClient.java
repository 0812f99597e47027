package dev.turntable.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.Release;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A load-generating STT client on the JDK's WebSocket: 50 ms frames of silence paced in real
 * time, then Terminate. Lateness is end to end: the frame that made a message due left the
 * client → the client received the message.
 */
final class RealtimeSttClient implements WebSocket.Listener {
  static final long FRAME_MS = 50;
  static final int FRAME_BYTES = (int) (FRAME_MS * 16 * 2);
  private static final ObjectMapper JSON = new ObjectMapper();

  final CountDownLatch begun = new CountDownLatch(1);
  final CountDownLatch closed = new CountDownLatch(1);
  private final long[] frameSentNanos;
  private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
  private final StringBuilder partial = new StringBuilder();
  volatile String sessionId;
  private WebSocket socket;
  private CompletableFuture<WebSocket> sending;
  private ScheduledFuture<?> ticks;
  private int framesSent;

  private RealtimeSttClient(long sessionMs) {
    frameSentNanos = new long[(int) (sessionMs / FRAME_MS)];
  }

  static RealtimeSttClient open(HttpClient http, MockAssemblyAiServer server, long sessionMs) {
    RealtimeSttClient client = new RealtimeSttClient(sessionMs);
    client.socket =
        http.newWebSocketBuilder().header("Authorization", "bench").buildAsync(server.url(), client).join();
    client.sending = CompletableFuture.completedFuture(client.socket);
    return client;
  }

  void start(ScheduledExecutorService pacer, long offsetNanos) {
    ticks = pacer.scheduleAtFixedRate(this::tick, offsetNanos, FRAME_MS * 1_000_000L, TimeUnit.NANOSECONDS);
  }

  private synchronized void tick() {
    if (framesSent == frameSentNanos.length) {
      ticks.cancel(false);
      sending = sending.thenCompose(ws -> ws.sendText("{\"type\":\"Terminate\"}", true));
      return;
    }
    int frame = framesSent++;
    sending = sending.thenCompose(ws -> {
      frameSentNanos[frame] = System.nanoTime();
      return ws.sendBinary(ByteBuffer.allocate(FRAME_BYTES), true);
    });
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long now = System.nanoTime();
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      try {
        JsonNode message = JSON.readTree(text);
        String type = message.path("type").asText();
        if (type.equals("Begin")) {
          sessionId = message.path("id").asText();
          begun.countDown();
        } else if (!type.equals("Termination")) {
          arrivals.add(now);
        }
      } catch (Exception e) {
        throw new IllegalStateException("the mock sent a message that is not JSON", e);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
    closed.countDown();
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.countDown();
  }

  void abort() {
    socket.abort();
  }

  /** Pairs each message received with the server's release of it, in order. */
  List<Long> latenessNanos(List<Release> releases) {
    List<Long> received = new ArrayList<>(arrivals);
    if (received.size() != releases.size()) {
      throw new IllegalStateException("a client received " + received.size() + " messages but the"
          + " server released " + releases.size());
    }
    List<Long> lateness = new ArrayList<>();
    for (int i = 0; i < releases.size(); i++) {
      int crossingFrame = (int) ((releases.get(i).dueAudioMs() + FRAME_MS - 1) / FRAME_MS) - 1;
      lateness.add(received.get(i) - frameSentNanos[Math.max(0, crossingFrame)]);
    }
    return lateness;
  }
}
