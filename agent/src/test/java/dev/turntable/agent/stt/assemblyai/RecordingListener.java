package dev.turntable.agent.stt.assemblyai;

import static org.assertj.core.api.Assertions.fail;

import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects STT events and hands them to the test in order, failing on timeout. */
final class RecordingListener implements SttListener {
  private final BlockingQueue<SttEvent> events = new LinkedBlockingQueue<>();
  volatile String deliveringThread;

  @Override
  public void onStt(SttEvent event) {
    deliveringThread = Thread.currentThread().getName();
    events.add(event);
  }

  <T extends SttEvent> T next(Class<T> type) throws InterruptedException {
    SttEvent event = events.poll(LoopbackAssemblyAi.WAIT_SECONDS, TimeUnit.SECONDS);
    if (event == null) {
      fail("timed out waiting for " + type.getSimpleName());
    }
    if (!type.isInstance(event)) {
      fail("expected " + type.getSimpleName() + " but got " + event);
    }
    return type.cast(event);
  }

  /** Whatever arrived, without waiting. */
  SttEvent poll() {
    return events.poll();
  }
}
