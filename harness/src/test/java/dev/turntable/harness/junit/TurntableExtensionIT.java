package dev.turntable.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.SharedResources;
import dev.turntable.harness.replay.ReplayClock;
import dev.turntable.harness.replay.ReplayResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

@Order(5)
@ResourceLock(value = SharedResources.CORE_1, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedResources.CORE_2, mode = ResourceAccessMode.READ)
@ExtendWith(TurntableExtension.class)
class TurntableExtensionIT {
  @Test
  void injectsTheReplayOfAFixtureOnVirtualTime(@Replay("fixtures/barge-in-wait-stop") ReplayResult replay) {
    assertThat(replay.options().clock()).isEqualTo(ReplayClock.VIRTUAL);
    assertThat(replay.verdict().passed()).isTrue();
    assertThat(replay.measures().bargeIns())
        .singleElement()
        .satisfies(b -> assertThat(b.rule()).isEqualTo(InterruptionRule.ALWAYS_INTERRUPT_WORD));
    assertThat(replay.timeline().all(AgentEvent.UserTurnEnded.class))
        .extracting(AgentEvent.UserTurnEnded::text)
        .containsExactly("Tell me about the history of the old town.", "Wait, stop.");
  }

  @Test
  void replaysOverTheWireWhenATestAsks(
      @Replay(value = "fixtures/question-answer", clock = ReplayClock.WIRE, speed = 2) ReplayResult replay) {
    assertThat(replay.how()).isEqualTo("wire at 2×");
    assertThat(replay.verdict().failures()).isEmpty();
  }

  @Test
  void aMissingFixtureSaysWhereItLooked() {
    assertThatThrownBy(() -> TurntableExtension.locate("fixtures/no-such-session"))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("no fixture folder fixtures/no-such-session");
  }
}
