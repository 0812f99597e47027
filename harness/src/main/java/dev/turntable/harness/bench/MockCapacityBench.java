package dev.turntable.harness.bench;

import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.RecordedSession;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.Utterance;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Item 6: how many real-time sessions one mock server carries with end-to-end p99 lateness at
 * most 20 ms. The load generator shares the machine's cores with the server.
 */
final class MockCapacityBench {
  static final double P99_LIMIT_MS = 20;
  /** Times off the 50 ms frame grid, so lateness includes the frame granularity. */
  private static final Script SCRIPT = Script.of(
      new Utterance("Hello there.", 517, 1433),
      new Utterance("I would like to book a table", 2511, 4229),
      new Utterance("For two people at eight.", 6003, 7641),
      new Utterance("Thanks", 8537, 8871));

  private MockCapacityBench() {}

  static Figure run(boolean quick) throws Exception {
    List<Integer> sizes = quick ? List.of(25, 50) : List.of(100, 200, 300, 400, 500);
    long sessionMs = quick ? 2_500 : 10_500;
    Map<String, Object> p99s = new LinkedHashMap<>();
    int carried = 0;
    StringBuilder detail = new StringBuilder();
    for (int sessions : sizes) {
      double p99 = p99LatenessMs(sessions, sessionMs);
      p99s.put(String.valueOf(sessions), p99);
      detail.append(detail.length() == 0 ? "" : ", ").append(String.format("%d: %.1f ms", sessions, p99));
      if (p99 <= P99_LIMIT_MS) {
        carried = sessions;
      } else {
        break;
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("sessionsAtLimit", carried);
    values.put("p99MsBySessions", p99s);
    return new Figure("6", "mock capacity: concurrent real-time sessions at p99 lateness <= 20 ms",
        (carried == 0 ? "below " + sizes.get(0) : "at least " + carried) + " (p99 " + detail + ")",
        "N clients stream 50 ms frames in real time for " + sessionMs / 1000.0 + " s to one mock"
            + " server; lateness: frame that made a message due sent -> message received",
        values);
  }

  private static double p99LatenessMs(int sessions, long sessionMs) throws Exception {
    Script script = SCRIPT;
    try (MockAssemblyAiServer server =
        MockAssemblyAiServer.builder().driver(ScriptedDriver.factory(script)).start()) {
      ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, daemon("turntable-bench-pacer"));
      ExecutorService clientThreads = Executors.newFixedThreadPool(2, daemon("turntable-bench-client"));
      HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
      List<RealtimeSttClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < sessions; i++) {
          clients.add(RealtimeSttClient.open(http, server, sessionMs));
        }
        for (RealtimeSttClient client : clients) {
          client.begun.await(30, TimeUnit.SECONDS);
        }
        for (int i = 0; i < sessions; i++) {
          clients.get(i).start(pacer, i * RealtimeSttClient.FRAME_MS * 1_000_000L / sessions);
        }
        for (RealtimeSttClient client : clients) {
          if (!client.closed.await(sessionMs + 30_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("timed out waiting for a session to end");
          }
        }
        List<Long> lateness = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
          RecordedSession session = server.takeSession(Duration.ofSeconds(10));
          RealtimeSttClient client = clients.stream()
              .filter(c -> session.id().equals(c.sessionId)).findFirst().orElseThrow();
          lateness.addAll(client.latenessNanos(session.releases()));
        }
        return Percentiles.of(lateness.stream().mapToDouble(n -> n / 1e6).toArray()).p99();
      } finally {
        clients.forEach(RealtimeSttClient::abort);
        pacer.shutdownNow();
        clientThreads.shutdownNow();
      }
    }
  }

  static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
