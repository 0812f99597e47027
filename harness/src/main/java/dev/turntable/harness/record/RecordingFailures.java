package dev.turntable.harness.record;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the taps report a failed write. A broken recording must not break the live conversation, so
 * taps report here and carry on; {@link SessionRecorder#close()} then says the fixture is
 * incomplete.
 */
final class RecordingFailures {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingFailures.class);

  private final AtomicReference<RuntimeException> first = new AtomicReference<>();

  void report(String what, RuntimeException failure) {
    if (first.compareAndSet(null, failure)) {
      LOG.error(
          "Recording {} failed; the fixture will be incomplete: {}", what, failure.getMessage());
    }
  }

  void run(String what, Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      report(what, e);
    }
  }

  RuntimeException first() {
    return first.get();
  }
}
