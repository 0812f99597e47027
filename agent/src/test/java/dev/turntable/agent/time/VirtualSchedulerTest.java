package dev.turntable.agent.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsTasksInTimeOrderAndJumpsTheClockToEach() {
    time.schedule(Duration.ofMillis(30), () -> ran.add("c@" + time.millis()));
    time.schedule(Duration.ofMillis(10), () -> ran.add("a@" + time.millis()));
    time.schedule(Duration.ofMillis(20), () -> ran.add("b@" + time.millis()));

    assertThat(time.runUntil(() -> false, Long.MAX_VALUE)).isFalse();

    assertThat(ran).containsExactly("a@10", "b@20", "c@30");
    assertThat(time.millis()).isEqualTo(30);
  }

  @Test
  void tasksDueAtTheSameTimeRunInTheOrderTheyWereHandedOver() {
    time.execute(() -> {
      ran.add("first");
      time.execute(() -> ran.add("queued by first"));
    });
    time.execute(() -> ran.add("second"));

    time.runUntil(() -> false, Long.MAX_VALUE);

    assertThat(ran).containsExactly("first", "second", "queued by first");
    assertThat(time.nanoTime()).isZero();
  }

  @Test
  void aCancelledTaskNeverRuns() {
    Cancellable cancelled = time.schedule(Duration.ofMillis(5), () -> ran.add("cancelled"));
    time.schedule(Duration.ofMillis(10), () -> ran.add("kept"));
    cancelled.cancel();

    time.runUntil(() -> false, Long.MAX_VALUE);

    assertThat(ran).containsExactly("kept");
  }

  @Test
  void stopsWhenDoneOrBeforePassingTheLimit() {
    for (int i = 1; i <= 5; i++) {
      int n = i;
      time.schedule(Duration.ofMillis(10L * i), () -> ran.add("t" + n));
    }

    assertThat(time.runUntil(() -> ran.size() == 2, Long.MAX_VALUE)).isTrue();
    assertThat(time.millis()).isEqualTo(20);
    assertThat(time.runUntil(() -> false, Duration.ofMillis(40).toNanos())).isFalse();
    assertThat(ran).containsExactly("t1", "t2", "t3", "t4");
    assertThat(time.millis()).isEqualTo(40);
  }

  @Test
  void aFailingTaskIsReportedAndTheRunGoesOn() {
    List<Throwable> failures = new ArrayList<>();
    time.onFailure(failures::add);
    time.execute(() -> {
      throw new IllegalStateException("boom");
    });
    time.execute(() -> ran.add("after"));

    time.runUntil(() -> false, Long.MAX_VALUE);

    assertThat(failures).extracting(Throwable::getMessage).containsExactly("boom");
    assertThat(ran).containsExactly("after");
  }

  @Test
  void refusesWorkFromAnotherThreadDuringARun() throws Exception {
    time.runUntil(() -> true, 0);
    CompletableFuture<Void> foreign = CompletableFuture.runAsync(() -> time.execute(() -> {}));

    assertThatThrownBy(foreign::join).hasRootCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scheduler's thread");
  }
}
