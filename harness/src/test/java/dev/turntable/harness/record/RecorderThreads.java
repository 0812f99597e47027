package dev.turntable.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

/** Fails a test that leaves a recorder thread running after close. */
final class RecorderThreads {
  private static final Set<String> NAMES =
      Set.of("turntable-http-recorder", "turntable-fixture-flusher");

  private RecorderThreads() {}

  static void assertAllStopped() throws InterruptedException {
    List<Thread> threads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> NAMES.contains(t.getName()))
            .toList();
    for (Thread thread : threads) {
      thread.join(5_000);
      assertThat(thread.isAlive()).as("%s still running after close", thread.getName()).isFalse();
    }
  }
}
