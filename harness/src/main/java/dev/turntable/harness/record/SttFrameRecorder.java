package dev.turntable.harness.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureWriter;
import dev.turntable.harness.fixture.SttFrame;
import dev.turntable.harness.fixture.SttFrame.Direction;
import java.io.IOException;

/**
 * Writes every STT frame to stt.jsonl. {@code t_ms} is clock time since the first connect (or the
 * first frame, if that comes earlier); {@code audio_ms} counts the audio bytes sent at 16 kHz
 * s16le. One lock around timing, counting and handing over keeps both columns in file order even
 * though the adapter calls from its sending and receiving threads at once; parsing and writing
 * happen on the recorder's thread ({@link RecordingQueue}), so the adapter never waits for them.
 */
final class SttFrameRecorder implements SttWireTap {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BYTES_PER_SECOND = 16_000 * 2;

  private final FixtureWriter writer;
  private final Clock clock;
  private final RecordingQueue queue;
  private long originNanos;
  private boolean started;
  private long audioBytes;
  private int connections;

  SttFrameRecorder(FixtureWriter writer, Clock clock, RecordingQueue queue) {
    this.writer = writer;
    this.clock = clock;
    this.queue = queue;
  }

  @Override
  public synchronized void connected(String redactedUrl) {
    connections++;
    write(new SttFrame.Connect(elapsedMs(), audioMs(), redactedUrl));
  }

  @Override
  public synchronized void sentText(String json) {
    writeText(Direction.IN, json);
  }

  @Override
  public synchronized void sentAudio(byte[] pcm) {
    audioBytes += pcm.length;
    write(new SttFrame.Audio(elapsedMs(), audioMs(), pcm.length));
  }

  @Override
  public synchronized void received(String json) {
    writeText(Direction.OUT, json);
  }

  @Override
  public synchronized void closed(int code, String reason, boolean remote) {
    write(new SttFrame.Close(elapsedMs(), audioMs(), code, reason == null ? "" : reason, remote));
  }

  /** Milliseconds of audio sent to STT so far: the axis replay runs on. */
  synchronized long audioMs() {
    return audioBytes * 1000 / BYTES_PER_SECOND;
  }

  synchronized long audioBytes() {
    return audioBytes;
  }

  /** Connections opened so far: more than one when the adapter reconnected. */
  synchronized int connections() {
    return connections;
  }

  private void writeText(Direction dir, String text) {
    double t = elapsedMs();
    long audioMs = audioMs();
    queue.submit("stt.jsonl", () -> writer.writeSttFrame(textFrame(t, audioMs, dir, text)));
  }

  private static SttFrame textFrame(double t, long audioMs, Direction dir, String text) {
    try {
      JsonNode json = JSON.readTree(text);
      if (json != null && json.isObject()) {
        return SttFrame.Message.of(t, audioMs, dir, json);
      }
    } catch (IOException notJson) {
      // kept verbatim below: a protocol violation is exactly what a fixture should preserve
    }
    return new SttFrame.Text(t, audioMs, dir, text);
  }

  private double elapsedMs() {
    long now = clock.nanoTime();
    if (!started) {
      started = true;
      originNanos = now;
    }
    return (now - originNanos) / 1e6;
  }

  private void write(SttFrame frame) {
    queue.submit("stt.jsonl", () -> writer.writeSttFrame(frame));
  }
}
