package dev.turntable.agent;

import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.stt.SpeechToText;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves ~50 ms frames from the microphone to STT on its own thread. In half-duplex mode, while the
 * agent is audible, it sends silence instead: the stream keeps its timing but open speakers cannot
 * make the agent interrupt itself.
 */
final class MicrophonePump implements AutoCloseable {
  static final int FRAME_MS = 50;
  private static final Logger log = LoggerFactory.getLogger(MicrophonePump.class);

  private final AudioSource microphone;
  private final SpeechToText stt;
  private final boolean halfDuplex;
  private final BooleanSupplier agentAudible;
  private final AtomicLong bytesSent = new AtomicLong();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean running = true;

  MicrophonePump(
      AudioSource microphone, SpeechToText stt, boolean halfDuplex, BooleanSupplier agentAudible) {
    this.microphone = microphone;
    this.stt = stt;
    this.halfDuplex = halfDuplex;
    this.agentAudible = agentAudible;
    this.thread = new Thread(this::run, "turntable-microphone");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  long audioMsSent() {
    return (long) microphone.format().millisForBytes(bytesSent.get());
  }

  CompletableFuture<Void> ended() {
    return ended;
  }

  private void run() {
    byte[] frame = new byte[microphone.format().bytesForMillis(FRAME_MS)];
    try {
      while (running) {
        int n = microphone.read(frame);
        if (n <= 0) {
          break;
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
        if (n < frame.length) {
          break;
        }
      }
      ended.complete(null);
    } catch (IOException e) {
      log.error("microphone failed: {}", e.getMessage());
      ended.completeExceptionally(e);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ended.complete(null);
  }
}
