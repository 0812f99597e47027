package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Soak: mixed sessions against one mock server for {@code -Dturntable.soak.minutes} (default 10):
 * clean sessions that hear their transcript and Terminate, sessions closed by a protocol error,
 * clients that close mid-stream, and connections dropped in the middle of a frame. The server's
 * heap (after GC), threads and file descriptors at the end must be where they were after warm-up.
 * Not run by default; run it with:
 *
 * <pre>
 * mvn -B -pl agent,harness test -Dtest=MockSttSoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dturntable.soak.minutes=10
 * </pre>
 */
class MockSttSoakBenchmark {
  private static final double MINUTES = Double.parseDouble(System.getProperty("turntable.soak.minutes", "10"));
  private static final int CLIENTS = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private static final Map<String, String> KEY = Map.of("Authorization", "soak-key");
  private static final Script SCRIPT = Script.of(new Utterance("Hello there.", 300, 1200));
  private static final long HEAP_SLACK_BYTES = 16L << 20;
  private static final int THREAD_SLACK = 4;
  private static final long FD_SLACK = 16;

  record Figures(long heapBytes, int threads, long fds, int openSessions) {
    static Figures now(MockAssemblyAiServer server) {
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      long fds = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
          ? unix.getOpenFileDescriptorCount() : -1;
      return new Figures(heap, threads, fds, server.openSessions());
    }

    @Override
    public String toString() {
      return String.format("heap %.1f MB, %d threads, %d fds, %d open sessions",
          heapBytes / 1e6, threads, fds, openSessions);
    }
  }

  @Test
  void heapThreadsAndFileDescriptorsStayFlat() throws Exception {
    AtomicLong sessions = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    try (MockAssemblyAiServer server =
        MockAssemblyAiServer.builder().driver(ScriptedDriver.factory(SCRIPT)).start()) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long warmEnd = System.nanoTime() + WARM_UP.toNanos();
      long end = warmEnd + (long) (MINUTES * 60e9);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Random random = new Random(MockSttFuzzTest.SEED + c);
        running.add(clients.submit(() -> {
          while (System.nanoTime() < end) {
            try {
              session(server, random);
            } catch (Exception | AssertionError e) {
              failures.incrementAndGet();
            }
            sessions.incrementAndGet();
          }
          return null;
        }));
      }
      while (System.nanoTime() < warmEnd) {
        Thread.sleep(100); // a benchmark's wall-clock run time, not a test's timing
      }
      Figures start = Figures.now(server);
      long startSessions = sessions.get();
      System.out.println("soak start (after " + WARM_UP.toSeconds() + " s warm-up): " + start);
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();
      Figures finish = Figures.now(server);
      System.out.printf("soak end after %.1f min: %s; %d sessions (%d during the measured run), %d failed%n",
          MINUTES, finish, sessions.get(), sessions.get() - startSessions, failures.get());

      assertThat(failures.get()).as("sessions that did not end as the protocol says").isZero();
      assertThat(finish.heapBytes()).isLessThanOrEqualTo(start.heapBytes() + HEAP_SLACK_BYTES);
      assertThat(finish.threads()).isLessThanOrEqualTo(start.threads() + THREAD_SLACK);
      assertThat(finish.fds()).isLessThanOrEqualTo(start.fds() + FD_SLACK);
    }
  }

  /** One session of a random kind; throws if it does not end as the protocol says. */
  private static void session(MockAssemblyAiServer server, Random random) throws Exception {
    int kind = random.nextInt(10);
    if (kind == 0) {
      try (RawWebSocket socket = RawWebSocket.open(server.url(), "soak-key")) {
        socket.writePartialFrame(0x2, 3200, random.nextInt(1000), random);
      }
      return;
    }
    TestClient client = TestClient.connect(server.url(), KEY);
    try {
      client.nextMessage("Begin");
      for (int i = 0, n = 5 + random.nextInt(30); i < n; i++) {
        client.send(ByteBuffer.wrap(FuzzFrames.audio(random, 100)));
        if (random.nextInt(8) == 0) {
          client.send(random.nextBoolean() ? FuzzFrames.validUpdate(random) : "{\"type\":\"KeepAlive\"}");
        }
      }
      if (kind <= 2) {
        client.send(FuzzFrames.invalidJson(random));
        assertThat(TestClient.closeOf(client.untilClosed()).code()).isEqualTo(3006);
      } else if (kind == 3) {
        client.closeBlocking();
      } else {
        client.send("{\"type\":\"Terminate\"}");
        assertThat(TestClient.closeOf(client.untilClosed()).code()).isEqualTo(1000);
      }
    } finally {
      client.close();
    }
  }
}
