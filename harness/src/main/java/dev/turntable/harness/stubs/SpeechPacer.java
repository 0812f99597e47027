package dev.turntable.harness.stubs;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Times one WebSocket TTS stream's audio as the services deliver it: each generation starts a
 * first-byte delay after it was triggered (less the time the stub spent synthesizing), never
 * before the previous one has been delivered, and goes out in slices of {@link
 * StubTiming#ttsChunk()} paced {@link StubTiming#ttsRealtimeFactor()} times faster than real time.
 */
final class SpeechPacer {
  /** Receives one slice of audio at its time, on the scheduler thread. */
  interface SliceSink {
    /**
     * @param offsetInGenerationMs where the slice starts in its generation's audio
     * @param offsetInStreamMs where it starts in all the audio of the stream so far
     */
    void slice(byte[] pcm, double offsetInGenerationMs, double offsetInStreamMs);
  }

  private final ScheduledExecutorService scheduler;
  private final StubTiming timing;
  private long nextFreeNanos;
  private double streamMs;
  private volatile boolean stopped;

  SpeechPacer(ScheduledExecutorService scheduler, StubTiming timing) {
    this.scheduler = scheduler;
    this.timing = timing;
  }

  /**
   * Schedules {@code pcm} (S16LE at {@code sampleRate}); returns when its last slice goes out, in
   * {@link System#nanoTime()}.
   */
  synchronized long deliver(
      byte[] pcm, int sampleRate, long triggeredNanos, long synthesisNanos, SliceSink sink) {
    long start =
        Math.max(
            triggeredNanos + Math.max(0, timing.ttsFirstByteMillis() * 1_000_000L - synthesisNanos),
            nextFreeNanos);
    double chunkMs = timing.ttsChunk().toMillis();
    int chunkBytes = Math.max(2, (int) (2 * sampleRate * chunkMs / 1000) & ~1);
    double intervalNanos = chunkMs * timing.ttsMillisPerAudioSecond() / 1000 * 1_000_000;
    long at = start;
    int slices = 0;
    for (int from = 0; from < pcm.length; from += chunkBytes, slices++) {
      byte[] slice = java.util.Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + chunkBytes));
      double inGeneration = from * 1000.0 / (2.0 * sampleRate);
      double inStream = streamMs + inGeneration;
      at = start + Math.round(slices * intervalNanos);
      at(at, () -> sink.slice(slice, inGeneration, inStream));
    }
    streamMs += pcm.length * 1000.0 / (2.0 * sampleRate);
    nextFreeNanos = start + Math.round(slices * intervalNanos);
    return at;
  }

  /** Runs {@code task} after all audio scheduled so far. */
  synchronized void afterAudio(Runnable task) {
    at(nextFreeNanos, task);
  }

  /** Runs {@code task} at {@code atNanos} unless stopped by then. */
  void at(long atNanos, Runnable task) {
    try {
      scheduler.schedule(
          () -> {
            if (!stopped) {
              task.run();
            }
          },
          Math.max(0, atNanos - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException serverStopped) {
      stopped = true;
    }
  }

  /** Nothing more is sent: the client cancelled or went away. */
  void stop() {
    stopped = true;
  }
}
