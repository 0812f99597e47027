package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent;
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
 * timing is replayed exactly and the agent's own work takes no virtual time, so each measure
 * differs from the recording's by what the recording's agent itself spent on it:
 *
 * <ul>
 *   <li>end of turn, LLM first token and TTS first audio: one trip through the agent's HTTP
 *       client or loop each;
 *   <li>a barge-in's arrival, counted from the start of the microphone (a recording's agent clock
 *       starts a few milliseconds before its microphone, a virtual replay's at the same instant;
 *       on each side that start is the least {@code t_ms - audio_ms} over its events);
 *   <li>a turn's response latency, less the spans in which only the recording's agent ran (end of
 *       turn → LLM request, first TTS audio → playback): two trips, request out and first bytes
 *       back.
 * </ul>
 *
 * <p>Each trip through the agent may cost 10 ms. The bundled fixtures, synthesized warm on an idle
 * 2-core machine, come to at most 8.8 ms a stage (median 4) and 20 ms a response (median 9), where
 * a replay that loses the recorded timing is 50–300 ms off (as before the STT lag and per-read
 * chunk times were replayed).
 *
 * <p>Turns after an STT reconnect are not compared yet: the recording's audio axis counts only
 * audio sent (what was captured while the connection was down is not), a virtual replay's counts
 * every microphone frame, and end of turn comes out a frame (50 ms) apart between the two.
 *
 * <p>A barge-in's stop latency is not compared: in a synthesized recording it is how long the
 * real-time capturing speaker took to stop, a property of that device, not of the agent. Both sides
 * are measured from the events alone, the same way, since a recording has no per-span capture of
 * its speaker.
 */
class VirtualTimeMatchesTheRecordingTest {
  private static final double STAGE_MS = 10;
  /** Two trips: the request out, the first bytes back to the loop. */
  private static final double RESPONSE_MS = 2 * STAGE_MS;

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
    for (int i = 0; i < turnsBeforeReconnect(fixture, recorded); i++) {
      TurnMeasure want = recorded.turns().get(i);
      TurnMeasure got = replayed.turns().get(i);
      String turn = "turn " + want.turnOrder() + " \"" + want.text() + "\" ";
      double agentOnly = want.agentBeforeLlmMs() + want.playbackStartMs();
      compare(misses, turn + "response latency less the agent's own spans",
          want.responseLatencyMs() - agentOnly, got.responseLatencyMs(), RESPONSE_MS);
      compare(misses, turn + "end of turn", want.sttMs(), got.sttMs(), STAGE_MS);
      compare(misses, turn + "LLM first token", want.llmFirstTokenMs(), got.llmFirstTokenMs(), STAGE_MS);
      compare(misses, turn + "TTS first audio", want.ttsFirstAudioMs(), got.ttsFirstAudioMs(), STAGE_MS);
    }
    double recordedMicStart = micStartMs(fixture.agentEvents());
    double replayedMicStart = micStartMs(replay.events());
    assertThat(replayed.bargeIns()).hasSameSizeAs(recorded.bargeIns());
    for (int i = 0; i < recorded.bargeIns().size(); i++) {
      BargeInMeasure want = recorded.bargeIns().get(i);
      BargeInMeasure got = replayed.bargeIns().get(i);
      compare(misses, "barge-in \"" + want.text() + "\" arrival",
          want.arrivedMs() - recordedMicStart, got.arrivedMs() - replayedMicStart, STAGE_MS);
    }
    assertThat(misses).as("measures further from the recording than its agent's own work").isEmpty();
  }

  private static void compare(
      List<String> misses, String what, double recorded, double replayed, double toleranceMs) {
    if (Double.isNaN(recorded) && Double.isNaN(replayed)) {
      return;
    }
    if (!(Math.abs(recorded - replayed) <= toleranceMs)) {
      misses.add(String.format(Locale.ROOT, "%s: recorded %.1f ms, virtual %.1f ms (allowed %.0f)",
          what, recorded, replayed, toleranceMs));
    }
  }

  private static int turnsBeforeReconnect(Fixture fixture, SessionMeasures recorded) {
    int turns = 0;
    for (AgentEventLine line : fixture.agentEvents()) {
      if (line.event() instanceof AgentEvent.SttReconnected) {
        return turns;
      }
      if (line.event() instanceof AgentEvent.UserTurnEnded) {
        turns++;
      }
    }
    return recorded.turns().size();
  }

  /** When the microphone started on the agent's clock, at the latest. */
  private static double micStartMs(List<AgentEventLine> events) {
    return events.stream().mapToDouble(e -> e.tMs() - e.audioMs()).min().orElse(0);
  }
}
