package dev.turntable.harness.record;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The recorder's own thread: the taps note what happened, and when, on the thread that saw it,
 * then hand the encoding and writing here. The agent's loop, the STT socket and the HTTP client
 * never wait for Jackson or the disk, so a recorded session's timing is the agent's, not the
 * recorder's. One thread keeps every file's lines in the order they were handed over.
 */
final class RecordingQueue {
  private final RecordingFailures failures;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "turntable-recorder");
            t.setDaemon(true); // a recorder left open must not keep the JVM alive
            return t;
          });

  /** Held while a caller hands over writes that belong together, and while a flush is queued. */
  private final Object handOver = new Object();

  RecordingQueue(RecordingFailures failures) {
    this.failures = failures;
  }

  /**
   * Runs {@code writes}, which submits writes that belong together (one microphone read: the raw
   * mic, the canceller's reference, the cleaned mic), so that no flush is queued among them.
   */
  <T, E extends Exception> T together(Together<T, E> writes) throws E {
    synchronized (handOver) {
      return writes.submit();
    }
  }

  /** What {@link #together} runs. */
  interface Together<T, E extends Exception> {
    T submit() throws E;
  }

  /**
   * Queues a flush of the fixture behind everything handed over so far: every file on disk then
   * stops at the same point of the session, never between writes handed over together.
   */
  void flush(Runnable flush) {
    synchronized (handOver) {
      submit("the fixture", flush);
    }
  }

  /**
   * Runs {@code write} on the recorder's thread; a failure is reported as a write to {@code file}.
   * Once the recorder is closed, a late write is dropped, as the fixture is already finished.
   */
  void submit(String file, Runnable write) {
    try {
      thread.execute(() -> failures.run(file, write));
    } catch (RejectedExecutionException closed) {
      // the session went on after the recording ended: nothing more belongs in the fixture
    }
  }

  /** Runs everything handed over so far, then stops taking more. */
  void drain() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        failures.report(
            "the fixture", new IllegalStateException("recorded lines still being written after 10 s"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
