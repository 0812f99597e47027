package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On virtual time a replay measures what the recorded session measured: each latency is within
 * the agent's own processing in the recording (10 ms), because the recorded services' timing is
 * replayed exactly and the agent's work takes no virtual time.
 */
class VirtualTimeMatchesTheRecordingTest {
  private static final double AGENT_PROCESSING_MS = 10;

  static List<Path> fixtures() throws Exception {
    return VirtualTimeReplayTest.fixtures().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void latenciesMatchTheRecordedSession(Path dir) throws Exception {
    Fixture fixture = FixtureReader.read(dir);
    SessionMeasures recorded = SessionMeasures.of(new Timeline(fixture.agentEvents()));
    SessionMeasures replayed = FixtureReplay.run(fixture, ReplayOptions.virtual()).measures();

    assertThat(replayed.turns()).hasSameSizeAs(recorded.turns());
    for (int i = 0; i < recorded.turns().size(); i++) {
      TurnMeasure want = recorded.turns().get(i);
      TurnMeasure got = replayed.turns().get(i);
      String turn = "turn " + want.turnOrder() + " \"" + want.text() + "\": ";
      assertThat(got.responseLatencyMs()).as(turn + "response latency")
          .isCloseTo(want.responseLatencyMs(), within(AGENT_PROCESSING_MS));
      assertThat(got.sttMs()).as(turn + "end of turn").isCloseTo(want.sttMs(), within(AGENT_PROCESSING_MS));
      assertThat(got.llmFirstTokenMs()).as(turn + "LLM first token")
          .isCloseTo(want.llmFirstTokenMs(), within(AGENT_PROCESSING_MS));
      assertThat(got.ttsFirstAudioMs()).as(turn + "TTS first audio")
          .isCloseTo(want.ttsFirstAudioMs(), within(AGENT_PROCESSING_MS));
    }
    assertThat(replayed.bargeIns()).hasSameSizeAs(recorded.bargeIns());
    for (int i = 0; i < recorded.bargeIns().size(); i++) {
      BargeInMeasure want = recorded.bargeIns().get(i);
      BargeInMeasure got = replayed.bargeIns().get(i);
      assertThat(got.arrivedMs()).as("barge-in \"%s\" arrival", want.text())
          .isCloseTo(want.arrivedMs(), within(AGENT_PROCESSING_MS));
      if (want.accepted()) {
        assertThat(got.stopLatencyMs()).as("barge-in \"%s\" stop latency", want.text())
            .isCloseTo(want.stopLatencyMs(), within(AGENT_PROCESSING_MS));
      }
    }
  }
}
