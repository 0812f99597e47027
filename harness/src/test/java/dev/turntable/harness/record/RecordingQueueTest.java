package dev.turntable.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordingQueueTest {
  private final RecordingQueue queue = new RecordingQueue(new RecordingFailures());
  private final List<String> done = new CopyOnWriteArrayList<>();

  @Test
  void aFlushAskedForWhileWritesAreHandedOverTogetherIsQueuedAfterThem() throws Exception {
    CountDownLatch rawHandedOver = new CountDownLatch(1);
    CountDownLatch flushWaiting = new CountDownLatch(1);
    Thread microphone = new Thread(() -> queue.together(() -> {
      queue.submit("mic-raw.wav", () -> done.add("raw"));
      rawHandedOver.countDown();
      await(flushWaiting);
      queue.submit("mic.wav", () -> done.add("mic"));
      return null;
    }));
    Thread flusher = new Thread(() -> queue.flush(() -> done.add("flush")));

    microphone.start();
    await(rawHandedOver);
    flusher.start();
    awaitBlocked(flusher); // it waits for the microphone's hand-over to end
    flushWaiting.countDown();
    microphone.join(5_000);
    flusher.join(5_000);
    queue.drain();

    assertThat(done).containsExactly("raw", "mic", "flush");
  }

  @Test
  void writesAndFlushesRunInTheOrderHandedOver() {
    queue.submit("stt.jsonl", () -> done.add("frame"));
    queue.flush(() -> done.add("flush"));
    queue.submit("agent.jsonl", () -> done.add("event"));
    queue.drain();

    assertThat(done).containsExactly("frame", "flush", "event");
  }

  private static void awaitBlocked(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.BLOCKED) {
      assertThat(System.nanoTime()).as("%s blocked on the hand-over", thread.getName()).isLessThan(deadline);
      assertThat(thread.getState()).as("%s ran without waiting", thread.getName()).isNotEqualTo(Thread.State.TERMINATED);
      Thread.onSpinWait(); // the flusher blocks within microseconds; no time is asserted
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
