package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.PcmFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * CPU per 10 ms frame of the echo canceller, and the time one 50 ms microphone read spends in it
 * (the only delay it adds on the way to STT: it buffers nothing). Not run by default:
 * {@code mvn -pl agent test -Dtest=EchoCancellationBenchmark}.
 */
class EchoCancellationBenchmark {
  private static final int SECONDS = 60;
  private static final int FRAME = 160;

  @Test
  void cpuPerFrame() throws Exception {
    short[] agent = TestSignals.babble(7, SECONDS * 1000, 9_000);
    short[] user = TestSignals.babble(8, SECONDS * 1000, 5_000);
    short[] mic = TestSignals.mix(TestSignals.echo(agent, 80, 0.1), TestSignals.echo(user, 0, 0.5));
    byte[] far = TestSignals.bytes(agent);
    byte[] near = TestSignals.bytes(mic);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (WebRtcEchoCanceller aec = WebRtcEchoCanceller.open(PcmFormat.STT, PcmFormat.STT)) {
      byte[] out = new byte[FRAME * 2];
      int frames = mic.length / FRAME;
      long[] readNanos = new long[frames / 5];
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      for (int read = 0; read < frames / 5; read++) {
        long t = System.nanoTime();
        for (int f = read * 5; f < read * 5 + 5; f++) {
          aec.process(Arrays.copyOfRange(far, f * FRAME * 2, (f + 1) * FRAME * 2),
              Arrays.copyOfRange(near, f * FRAME * 2, (f + 1) * FRAME * 2), out);
        }
        readNanos[read] = System.nanoTime() - t;
      }
      double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
      double wallMs = (System.nanoTime() - wallStart) / 1e6;
      Arrays.sort(readNanos);
      System.out.printf("EchoCancellationBenchmark: %d frames; CPU %.4f ms per 10 ms frame (%.2f%% of one core),"
              + " wall %.4f ms per frame; a 50 ms read spends p50 %.3f ms, p99 %.3f ms in the canceller%n",
          frames, cpuMs / frames, cpuMs / frames / 10 * 100, wallMs / frames,
          readNanos[readNanos.length / 2] / 1e6, readNanos[readNanos.length * 99 / 100] / 1e6);
    }
  }

  /** A reply after a pause gets a fresh canceller: what making one costs the microphone's read. */
  @Test
  void freshCancellerAfterAPause() throws Exception {
    int rounds = 200;
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      WebRtcEchoCanceller.open(PcmFormat.STT, PcmFormat.STT).close();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("EchoCancellationBenchmark: a fresh canceller (made and freed) p50 %.3f ms, p99 %.3f ms%n",
        nanos[rounds / 2] / 1e6, nanos[rounds * 99 / 100] / 1e6);
  }
}
