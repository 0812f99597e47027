package dev.turntable.harness.bench;

import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Item 7: agent memory over a long conversation, and the mock server's heap per session. */
final class MemoryBench {
  private static final Path STATUS = Path.of("/proc/self/status");

  private MemoryBench() {}

  static Figure agent(boolean quick) throws Exception {
    int turns = quick ? 5_000 : 100_000;
    double rssBefore = rssMb();
    double heapBefore = heapAfterGcMb();
    try (InstantConversation conversation = new InstantConversation()) {
      for (int i = 0; i < turns; i++) {
        conversation.turn();
      }
      double rssAfter = rssMb();
      double heapAfter = heapAfterGcMb();
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("turns", turns);
      values.put("rssBeforeMb", rssBefore);
      values.put("rssAfterMb", rssAfter);
      values.put("heapBeforeMb", heapBefore);
      values.put("heapAfterMb", heapAfter);
      return new Figure("7", "agent memory over a long simulated conversation",
          String.format("RSS %.0f -> %.0f MB, live heap %.1f -> %.1f MB after %,d turns",
              rssBefore, rssAfter, heapBefore, heapAfter, turns),
          "the real conversation loop with instant LLM/TTS/speaker (history capped as configured);"
              + " RSS of this whole JVM from /proc/self/status, heap used after a full GC",
          values);
    }
  }

  static Figure mockPerSession(boolean quick) throws Exception {
    int sessions = quick ? 20 : 200;
    try (MockAssemblyAiServer server =
        MockAssemblyAiServer.builder().driver(ScriptedDriver.factory(Script.of())).start()) {
      ExecutorService threads = Executors.newFixedThreadPool(2, MockCapacityBench.daemon("turntable-bench-client"));
      HttpClient http = HttpClient.newBuilder().executor(threads).build();
      List<RealtimeSttClient> clients = new ArrayList<>();
      try {
        double before = heapAfterGcMb();
        for (int i = 0; i < sessions; i++) {
          clients.add(RealtimeSttClient.open(http, server, 1_000));
        }
        for (RealtimeSttClient client : clients) {
          client.begun.await(30, TimeUnit.SECONDS);
        }
        double after = heapAfterGcMb();
        double perSessionKb = (after - before) * 1024 / sessions;
        return new Figure("7", "mock heap per open session",
            String.format("%.0f KB per session (%d sessions open)", perSessionKb, sessions),
            "heap used after a full GC with N sessions open (server and the JDK clients in this"
                + " JVM, so an upper bound), minus before",
            Map.of("perSessionKb", perSessionKb, "sessions", sessions));
      } finally {
        clients.forEach(RealtimeSttClient::abort);
        threads.shutdownNow();
      }
    }
  }

  private static double heapAfterGcMb() {
    // Twice: the first collection can leave objects whose finalization frees more.
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /** Resident set size of this JVM, or NaN where /proc is not available. */
  private static double rssMb() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
