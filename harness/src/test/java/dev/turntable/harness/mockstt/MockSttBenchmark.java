package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * How precisely one mock server releases scripted messages by the audio clock when N clients
 * stream in real time at once. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -pl harness -am test-compile
 * mvn -q -pl harness dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "harness/target/test-classes:harness/target/classes:agent/target/classes:$(cat harness/target/cp.txt)" \
 *     dev.turntable.harness.mockstt.MockSttBenchmark 100 300 500
 * </pre>
 *
 * Each client sends 50 ms frames of 16 kHz audio paced by a scheduler for {@link #SESSION_MS}.
 * Lateness is measured end to end: from the moment the client sent the audio frame that made a
 * message due to the moment the client received that message. The server's own figures (frame
 * read → message handed to the socket; audio beyond the due point) come from its release log.
 */
public final class MockSttBenchmark {
  static final long FRAME_MS = 50;
  static final long SESSION_MS = 10_500;
  static final int FRAME_BYTES = (int) (FRAME_MS * 16 * 2);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Times off the 50 ms frame grid, so the audio gap shows the frame granularity. */
  private static final Script SCRIPT = Script.of(
      new Utterance("Hello there.", 517, 1433),
      new Utterance("I would like to book a table", 2511, 4229),
      new Utterance("For two people at eight.", 6003, 7641),
      new Utterance("Thanks", 8537, 8871));

  private MockSttBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> counts = new ArrayList<>();
    for (String arg : args) {
      counts.add(Integer.parseInt(arg));
    }
    if (counts.isEmpty()) {
      counts = List.of(100, 300, 500);
    }
    System.out.println("cores=" + Runtime.getRuntime().availableProcessors()
        + " frame=" + FRAME_MS + "ms session=" + SESSION_MS + "ms");
    System.out.println("warm-up (discarded): " + run(50));
    for (int n : counts) {
      System.out.println(run(n));
    }
    System.exit(0); // the JDK HttpClient's selector thread outlives its last use
  }

  static String run(int sessions) throws Exception {
    try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
        .driver(ScriptedDriver.factory(SCRIPT)).start()) {
      ScheduledExecutorService pacer =
          Executors.newScheduledThreadPool(2, daemon("benchmark-pacer"));
      ExecutorService clientThreads = Executors.newFixedThreadPool(2, daemon("benchmark-client"));
      HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
      List<Client> clients = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        clients.add(Client.open(http, server));
      }
      for (Client client : clients) {
        client.begun.await(30, TimeUnit.SECONDS);
      }
      for (int i = 0; i < sessions; i++) {
        clients.get(i).start(pacer, i * FRAME_MS * 1_000_000L / sessions);
      }
      for (Client client : clients) {
        if (!client.closed.await(SESSION_MS + 30_000, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("timed out waiting for a session to end");
        }
      }
      pacer.shutdownNow();
      clientThreads.shutdownNow();
      List<RecordedSession> recorded = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        recorded.add(server.takeSession(Duration.ofSeconds(10)));
      }
      return report(sessions, clients, recorded, server.releaseStatistics());
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String report(int sessions, List<Client> clients, List<RecordedSession> recorded,
      ReleaseStatistics serverSide) {
    List<Long> lateness = new ArrayList<>();
    long pacingSlipMax = 0;
    for (Client client : clients) {
      RecordedSession session = recorded.stream()
          .filter(r -> r.id().equals(client.sessionId)).findFirst().orElseThrow();
      lateness.addAll(client.lateness(session.releases()));
      pacingSlipMax = Math.max(pacingSlipMax, client.maxPacingSlipNanos);
    }
    long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        "N=%d: %d messages; end-to-end lateness p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " server %s; pacer slip max %.1f ms",
        sessions, sorted.length, ReleaseStatistics.percentile(sorted, 50) / 1e6,
        ReleaseStatistics.percentile(sorted, 99) / 1e6,
        ReleaseStatistics.percentile(sorted, 100) / 1e6, serverSide, pacingSlipMax / 1e6);
  }

  /** One real-time client on the JDK's WebSocket. */
  private static final class Client implements WebSocket.Listener {
    private final CountDownLatch begun = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final long[] frameSentNanos = new long[(int) (SESSION_MS / FRAME_MS)];
    private final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String sessionId;
    private volatile long maxPacingSlipNanos;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private ScheduledFuture<?> ticks;
    private int framesSent;
    private long firstTickNanos;

    static Client open(HttpClient http, MockAssemblyAiServer server) {
      Client client = new Client();
      client.socket = http.newWebSocketBuilder().header("Authorization", "benchmark")
          .buildAsync(server.url(), client).join();
      client.sending = CompletableFuture.completedFuture(client.socket);
      return client;
    }

    void start(ScheduledExecutorService pacer, long offsetNanos) {
      firstTickNanos = System.nanoTime() + offsetNanos;
      ticks = pacer.scheduleAtFixedRate(this::tick, offsetNanos, FRAME_MS * 1_000_000L,
          TimeUnit.NANOSECONDS);
    }

    private synchronized void tick() {
      long now = System.nanoTime();
      if (framesSent == frameSentNanos.length) {
        ticks.cancel(false);
        sending = sending.thenCompose(ws -> ws.sendText("{\"type\":\"Terminate\"}", true));
        return;
      }
      long slip = now - (firstTickNanos + framesSent * FRAME_MS * 1_000_000L);
      maxPacingSlipNanos = Math.max(maxPacingSlipNanos, slip);
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
        record(text, now);
      }
      webSocket.request(1);
      return null;
    }

    private void record(String text, long now) {
      try {
        JsonNode message = JSON.readTree(text);
        String type = message.get("type").asText();
        if (type.equals("Begin")) {
          sessionId = message.get("id").asText();
          begun.countDown();
        } else if (!type.equals("Termination")) {
          arrivals.add(new long[] {now});
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
      closed.countDown();
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      error.printStackTrace();
      closed.countDown();
    }

    /** Pairs each received message with the server's release of it, in order. */
    List<Long> lateness(List<Release> releases) {
      List<long[]> received = new ArrayList<>(arrivals);
      if (received.size() != releases.size()) {
        throw new IllegalStateException("received " + received.size() + " messages but the"
            + " server released " + releases.size());
      }
      List<Long> lateness = new ArrayList<>();
      for (int i = 0; i < releases.size(); i++) {
        int crossingFrame = (int) ((releases.get(i).dueAudioMs() + FRAME_MS - 1) / FRAME_MS) - 1;
        lateness.add(received.get(i)[0] - frameSentNanos[crossingFrame]);
      }
      return lateness;
    }
  }
}
