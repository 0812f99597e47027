package dev.turntable.harness.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records a PulseAudio source ({@code vmic.monitor}, {@code vspeaker.monitor}) with {@code parec}
 * as raw 16 kHz mono s16le, collected by a named thread.
 *
 * <p>It also estimates when, on {@link System#nanoTime()}, its sample 0 was captured: each chunk
 * that arrives at time t after n samples in total says sample 0 was captured no later than
 * {@code t - n/16 kHz}; the smallest such bound over the whole recording is the estimate (late
 * reads only make the bound looser, so the minimum filters out scheduling jitter). Two recordings'
 * estimates give their offset, which is what lets the microphone and speaker recordings share one
 * time base even though two separate processes started them.
 */
final class MonitorRecording implements AutoCloseable {
  /** Captured sample 0 at {@code startNanos} (estimate, {@link System#nanoTime()} clock). */
  record Recording(String source, short[] samples, long startNanos) {}

  private static final long NANOS_PER_SAMPLE = 1_000_000_000L / 16_000;

  private final String source;
  private final Process process;
  private final Thread reader;
  private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
  private long startNanos = Long.MAX_VALUE;

  private MonitorRecording(String source, Process process) {
    this.source = source;
    this.process = process;
    this.reader = new Thread(() -> collect(process.getInputStream()), "e2e-parec-" + source);
    reader.setDaemon(true);
    reader.start();
  }

  static MonitorRecording start(String source) throws IOException {
    // 10 ms fragments: the recording's timing is known to about that much.
    List<String> command = List.of("parec", "-d", source, "--rate=16000", "--channels=1", "--format=s16le",
        "--latency-msec=10");
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return new MonitorRecording(source, process);
  }

  private void collect(InputStream in) {
    byte[] buffer = new byte[3_200];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        long now = System.nanoTime();
        synchronized (audio) {
          audio.write(buffer, 0, n);
          startNanos = Math.min(startNanos, now - audio.size() / 2 * NANOS_PER_SAMPLE);
          audio.notifyAll();
        }
      }
    } catch (IOException e) {
      // parec was stopped and its pipe closed: what arrived is the recording.
    } finally {
      synchronized (audio) {
        audio.notifyAll();
      }
    }
  }

  /** Waits on the audio clock until {@code more} audio than now has been recorded. */
  void awaitMore(Duration more, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (audio) {
      long wanted = audio.size() + more.toMillis() * Pcm.SAMPLES_PER_MS * 2;
      while (audio.size() < wanted) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !reader.isAlive()) {
          throw new AssertionError((left <= 0 ? "timed out" : "parec ended") + " waiting for " + more.toMillis()
              + " ms of audio from " + source + " (" + audio.size() / 2 + " samples so far)");
        }
        TimeUnit.NANOSECONDS.timedWait(audio, left);
      }
    }
  }

  /** Stops parec and returns what it recorded. */
  Recording stop() throws InterruptedException {
    end();
    synchronized (audio) {
      return new Recording(source, Pcm.samples(audio.toByteArray()), startNanos);
    }
  }

  private void end() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(5_000);
  }

  @Override
  public void close() {
    try {
      end();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
