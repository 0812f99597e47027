package dev.turntable.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.PartialTranscript;
import dev.turntable.agent.conversation.AgentEvent.UserTurnEnded;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnSpanTest {
  @Test
  void aTurnRunsFromItsSpeechStartToItsLastWord() {
    assertThat(TurnSpan.of(SyntheticSession.timeline()))
        .containsExactly(
            new TurnSpan(1, "What's the weather like in Paris today?", 800, 2600, 2900),
            new TurnSpan(3, "Wait, what about tomorrow?", 7000, 8200, 8500));
  }

  @Test
  void withoutSpeechStartTheFirstPartialBoundsTheStart() {
    Timeline timeline =
        new Timeline(
            List.of(
                new AgentEventLine(1000, new PartialTranscript(1, 1, "hello")),
                new AgentEventLine(1400, new PartialTranscript(2, 1, "hello there")),
                new AgentEventLine(1900, new UserTurnEnded(3, 1, "Hello there.", -1))));
    assertThat(TurnSpan.of(timeline))
        .containsExactly(new TurnSpan(1, "Hello there.", 1000, 1900, 1900));
  }
}
