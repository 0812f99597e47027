package dev.turntable.harness.mockstt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.assemblyai.ReconnectPolicy;
import dev.turntable.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On virtual time, a recorded drop reaches the agent as the AssemblyAI adapter reports it: a
 * failure with the close code that says it is reconnecting, audio lost while disconnected, then
 * after the adapter's first reconnect delay (250 ms) a new session whose messages are timed on its
 * own audio, from 0.
 */
class VirtualSpeechToTextReconnectTest {
  private static final byte[] FRAME_100_MS = new byte[3200];

  private final VirtualScheduler time = new VirtualScheduler();
  private final List<String> heard = new ArrayList<>();

  @Test
  void aRecordedDropFailsRetryingThenANewSessionServesTheSecondConnection() {
    VirtualSpeechToText stt = replaying(1006);
    stt.start(this::note);
    sendFrames(stt, 8);
    sendFrames(stt, 2); // sent while disconnected: lost, as the adapter drops them

    assertThat(heard).containsExactly(
        "0 ms SessionBegan virtual-session",
        "0 ms Turn 1 \"And what\" partial",
        "0 ms Failure 1006 retrying");

    time.runUntil(() -> false, time.nanoTime() + Duration.ofSeconds(1).toNanos());
    assertThat(heard).last().isEqualTo("250 ms SessionBegan virtual-session-2");

    sendFrames(stt, 4);
    assertThat(heard).as("not due before 500 ms of the new session's own audio").hasSize(4);
    sendFrames(stt, 1);
    assertThat(heard).last().isEqualTo("250 ms Turn 0 \"Hello?\" final");

    stt.close();
    assertThat(heard).last().asString().contains("SessionEnded");
  }

  @Test
  void aReplayedDropReopensAsLateAsTheRecordingDid() {
    SttRecording recording =
        SttRecording.parse("stt.jsonl", ReplayDriverReconnectTest.recording(1006));
    VirtualSpeechToText stt = new VirtualSpeechToText(
        time, ReplayDriver.factory(recording, ReplayDriver.Options.audioClock(), time),
        SessionParameters.defaults(), ReconnectPolicy.DEFAULT, recording.reopens());
    stt.start(this::note);
    sendFrames(stt, 8);
    time.runUntil(() -> false, time.nanoTime() + Duration.ofSeconds(1).toNanos());

    assertThat(heard).as("the recorded close-to-connect time, not the policy's 250 ms delay")
        .last().isEqualTo("299 ms SessionBegan virtual-session-2");
  }

  @Test
  void aCloseNoReconnectCanFixEndsTheSession() {
    VirtualSpeechToText stt = replaying(1008);
    stt.start(this::note);
    sendFrames(stt, 8);
    time.runUntil(() -> false, time.nanoTime() + Duration.ofSeconds(10).toNanos());

    assertThat(heard).last().isEqualTo("0 ms Failure 1008 gives up");
    assertThat(heard).filteredOn(e -> e.contains("SessionBegan")).hasSize(1);
  }

  private VirtualSpeechToText replaying(int closeCode) {
    SttRecording recording =
        SttRecording.parse("stt.jsonl", ReplayDriverReconnectTest.recording(closeCode));
    return new VirtualSpeechToText(
        time, ReplayDriver.factory(recording, ReplayDriver.Options.audioClock(), time),
        SessionParameters.defaults());
  }

  /** Frames sent at once: virtual time stands still, so only audio positions move. */
  private static void sendFrames(VirtualSpeechToText stt, int count) {
    for (int i = 0; i < count; i++) {
      stt.sendAudio(FRAME_100_MS);
    }
  }

  private void note(SttEvent event) {
    String at = time.nanoTime() / 1_000_000 + " ms ";
    if (event instanceof SttEvent.SessionBegan began) {
      heard.add(at + "SessionBegan " + began.sessionId());
    } else if (event instanceof SttEvent.TurnUpdate update) {
      heard.add(at + "Turn " + update.turn().turnOrder() + " \"" + update.turn().transcript() + "\" "
          + (update.turn().endOfTurn() ? "final" : "partial"));
    } else if (event instanceof SttEvent.Failure failure) {
      heard.add(at + "Failure " + failure.code() + (failure.retrying() ? " retrying" : " gives up"));
    } else {
      heard.add(at + event.getClass().getSimpleName());
    }
  }
}
