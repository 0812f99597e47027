package dev.turntable.agent;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.stt.SpeechToText;
import dev.turntable.agent.time.VirtualScheduler;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves ~50 ms frames from the microphone to STT. Live, on its own thread, as fast as the device
 * captures; on virtual time, as scheduled tasks, each frame sent when its audio would have been
 * captured. In half-duplex mode, while the agent is audible, it sends silence instead: the stream
 * keeps its timing but open speakers cannot make the agent interrupt itself.
 */
final class MicrophonePump implements AutoCloseable {
  static final int FRAME_MS = 50;
  private static final long FRAME_NANOS = FRAME_MS * 1_000_000L;
  private static final Logger log = LoggerFactory.getLogger(MicrophonePump.class);

  private final AudioSource microphone;
  private final SpeechToText stt;
  private final boolean halfDuplex;
  private final BooleanSupplier agentAudible;
  private final AtomicLong bytesSent = new AtomicLong();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final byte[] frame;
  private Thread thread;
  private volatile boolean running = true;

  /**
   * @param agentAudible read from the pump's thread; it must be safe to call from there
   */
  MicrophonePump(
      AudioSource microphone, SpeechToText stt, boolean halfDuplex, BooleanSupplier agentAudible) {
    this.microphone = microphone;
    this.stt = stt;
    this.halfDuplex = halfDuplex;
    this.agentAudible = agentAudible;
    this.frame = new byte[microphone.format().bytesForMillis(FRAME_MS)];
  }

  /** Live: a thread that blocks on the microphone and sends each frame as it is captured. */
  void start() {
    thread = new Thread(this::run, "turntable-microphone");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Virtual time: frame k (its audio spans [50k, 50k + 50) ms of the stream) is read and sent at
   * 50(k + 1) ms after now, as a paced file would deliver it. The source must not block.
   */
  void startOn(VirtualScheduler time) {
    long streamStart = time.nanoTime();
    scheduleFrame(time, streamStart, 1);
  }

  private void scheduleFrame(VirtualScheduler time, long streamStart, long index) {
    time.scheduleAt(streamStart + index * FRAME_NANOS, () -> {
      try {
        if (running && sendFrame()) {
          scheduleFrame(time, streamStart, index + 1);
          return;
        }
        ended.complete(null);
      } catch (IOException e) {
        fail(e);
      }
    });
  }

  long audioMsSent() {
    return (long) microphone.format().millisForBytes(bytesSent.get());
  }

  CompletableFuture<Void> ended() {
    return ended;
  }

  private void run() {
    try {
      while (running && sendFrame()) {
        // each call blocks until the microphone has captured a frame
      }
      ended.complete(null);
    } catch (IOException e) {
      fail(e);
    }
  }

  /** Reads one frame and sends it; false when the source has ended. */
  private boolean sendFrame() throws IOException {
    int n = microphone.read(frame);
    if (n <= 0) {
      return false;
    }
    // The last frame of a file may be short; STT rejects frames under 50 ms, so pad it with
    // silence rather than lose it.
    byte[] out = Arrays.copyOf(frame, frame.length);
    Arrays.fill(out, n, out.length, (byte) 0);
    if (halfDuplex && agentAudible.getAsBoolean()) {
      Arrays.fill(out, (byte) 0);
    }
    stt.sendAudio(out);
    bytesSent.addAndGet(out.length);
    return n == frame.length;
  }

  private void fail(IOException e) {
    log.error("microphone failed: {}", e.getMessage());
    ended.completeExceptionally(e);
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ended.complete(null);
  }
}
