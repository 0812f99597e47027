package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On virtual time a replay measures what its recorded session measured. The services' recorded
 * timing is replayed exactly (STT messages their recorded lag after their audio, LLM and TTS bytes
 * when they arrived, an STT reconnect when it reopened) and the agent's own work takes no virtual
 * time, so each measure differs from the recording's only by what the recording's agent itself
 * spent on it: its loop's work and the hops between its threads and the HTTP client, which the
 * recording times as part of the session. Each measured latency must be within 10 ms of the
 * recording's: end of turn, LLM first token, TTS first audio, the whole response, and a barge-in's
 * arrival counted from the start of the microphone (a recording's agent clock starts a few
 * milliseconds before its microphone, a virtual replay's at the same instant; on each side that
 * start is the least {@code t_ms - audio_ms} over its events).
 *
 * <p>The bundled fixtures, synthesized warm on an idle 2-core machine with the recorder writing on
 * its own thread, stay well inside that; a replay that loses the recorded timing is 50–300 ms off
 * (as before the STT lag and per-read chunk times were replayed).
 *
 * <p>A barge-in's stop latency is not compared: in a synthesized recording it is how long the
 * real-time capturing speaker took to stop, a property of that device, not of the agent. Both sides
 * are measured from the events alone, the same way, since a recording has no per-span capture of
 * its speaker.
 */
class VirtualTimeMatchesTheRecordingTest {
  /** What one recorded session's agent may have spent of its own on a measure. */
  private static final double AGENT_MS = 10;

  static List<Path> fixtures() throws Exception {
    return VirtualTimeReplayTest.fixtures().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void latenciesMatchTheRecordedSession(Path dir) throws Exception {
    Fixture fixture = FixtureReader.read(dir);
    SessionMeasures recorded = SessionMeasures.of(new Timeline(fixture.agentEvents()));
    Timeline replay = FixtureReplay.run(fixture, ReplayOptions.virtual()).timeline();
    SessionMeasures replayed = SessionMeasures.of(replay);
    List<String> misses = new ArrayList<>();

    assertThat(replayed.turns()).hasSameSizeAs(recorded.turns());
    for (int i = 0; i < recorded.turns().size(); i++) {
      TurnMeasure want = recorded.turns().get(i);
      TurnMeasure got = replayed.turns().get(i);
      String turn = "turn " + want.turnOrder() + " \"" + want.text() + "\" ";
      compare(misses, turn + "response latency", want.responseLatencyMs(), got.responseLatencyMs());
      compare(misses, turn + "end of turn", want.sttMs(), got.sttMs());
      compare(misses, turn + "LLM first token", want.llmFirstTokenMs(), got.llmFirstTokenMs());
      compare(misses, turn + "TTS first audio", want.ttsFirstAudioMs(), got.ttsFirstAudioMs());
    }
    double recordedMicStart = micStartMs(fixture.agentEvents());
    double replayedMicStart = micStartMs(replay.events());
    assertThat(replayed.bargeIns()).hasSameSizeAs(recorded.bargeIns());
    for (int i = 0; i < recorded.bargeIns().size(); i++) {
      BargeInMeasure want = recorded.bargeIns().get(i);
      BargeInMeasure got = replayed.bargeIns().get(i);
      compare(misses, "barge-in \"" + want.text() + "\" arrival",
          want.arrivedMs() - recordedMicStart, got.arrivedMs() - replayedMicStart);
    }
    assertThat(misses).as("measures further from the recording than its agent's own work").isEmpty();
  }

  private static void compare(List<String> misses, String what, double recorded, double replayed) {
    if (Double.isNaN(recorded) && Double.isNaN(replayed)) {
      return;
    }
    if (!(Math.abs(recorded - replayed) <= AGENT_MS)) {
      misses.add(String.format(Locale.ROOT, "%s: recorded %.1f ms, virtual %.1f ms (allowed %.0f)",
          what, recorded, replayed, AGENT_MS));
    }
  }

  /** When the microphone started on the agent's clock, at the latest. */
  private static double micStartMs(List<AgentEventLine> events) {
    return events.stream().mapToDouble(e -> e.tMs() - e.audioMs()).min().orElse(0);
  }
}
