package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.agent.Cancellable;
import dev.turntable.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recorded message arrived some time after the audio frame that completed its {@code audio_ms};
 * the replay keeps that lag, so a replayed transcript arrives when the recorded one did, not up to a
 * frame early.
 */
class ReplayLagTest {
  private static final List<String> RECORDING = List.of(
      "{\"t_ms\":50.0,\"audio_ms\":50,\"dir\":\"in\",\"type\":\"Audio\",\"bytes\":1600}",
      "{\"t_ms\":100.0,\"audio_ms\":100,\"dir\":\"in\",\"type\":\"Audio\",\"bytes\":1600}",
      "{\"t_ms\":137.0,\"audio_ms\":100,\"dir\":\"out\",\"type\":\"SpeechStarted\","
          + "\"json\":{\"type\":\"SpeechStarted\",\"timestamp\":60,\"confidence\":0.9}}",
      "{\"t_ms\":104.0,\"audio_ms\":100,\"dir\":\"out\",\"type\":\"Turn\","
          + "\"json\":{\"type\":\"Turn\",\"transcript\":\"Hi\",\"end_of_turn\":false}}",
      "{\"t_ms\":150.0,\"audio_ms\":150,\"dir\":\"in\",\"type\":\"Audio\",\"bytes\":1600}",
      "{\"t_ms\":160.0,\"audio_ms\":150,\"dir\":\"out\",\"type\":\"Turn\","
          + "\"json\":{\"type\":\"Turn\",\"transcript\":\"Hi.\",\"end_of_turn\":true}}");

  private final VirtualScheduler time = new VirtualScheduler();
  private final List<Object> released = new ArrayList<>();

  @Test
  void lagIsTheMessagesTimeLessThatOfTheFrameThatReachedItsAudio() {
    SttRecording recording = SttRecording.parse("stt.jsonl", RECORDING);
    assertThat(recording.replayedMessages()).extracting(recording::releaseLagMs)
        .containsExactly(37.0, 4.0, 10.0);
  }

  @Test
  void eachMessageComesItsRecordedLagAfterItsAudioInRecordedOrder() {
    SessionDriver driver = ReplayDriver.factory(SttRecording.parse("stt.jsonl", RECORDING),
        ReplayDriver.Options.audioClock(), time).get();
    Handle handle = new Handle();
    driver.opened(null, handle);
    for (long audioMs = 50; audioMs <= 150; audioMs += 50) {
      long frame = audioMs;
      time.scheduleAt(frame * 1_000_000, () -> {
        handle.audioMs = frame;
        driver.audioReceived(frame);
      });
    }
    time.runUntil(() -> false, 1_000_000_000L);

    // The partial recorded 4 ms after the frame waits for the SpeechStarted before it (37 ms).
    assertThat(released).containsExactly(
        tuple("SpeechStarted", 137.0), tuple("Turn", 137.0), tuple("Turn", 160.0));
  }

  private final class Handle implements SessionHandle {
    long audioMs;

    @Override
    public String id() {
      return "virtual";
    }

    @Override
    public SessionParameters parameters() {
      return null;
    }

    @Override
    public long audioMs() {
      return audioMs;
    }

    @Override
    public void send(JsonNode message) {
      release(message, audioMs);
    }

    @Override
    public void release(JsonNode message, long dueAudioMs) {
      released.add(tuple(message.path("type").asText(), time.nanoTime() / 1e6));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      return time.schedule(delay, task);
    }
  }
}
