package dev.turntable.harness.check;

import dev.turntable.harness.fixture.AgentEventLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.*;
import dev.turntable.agent.turn.InterruptionRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionMeasuresTest {
  private final List<AgentEventLine> events = new ArrayList<>();

  /** Adds an event happening at audio position {@code ms}; the agent clock runs with it from 0. */
  private void at(double ms, AgentEvent event) {
    events.add(new AgentEventLine((long) ms, event));
  }

  @Test
  void measuresResponseLatencyAndItsParts() {
    at(1300, new UserTurnEnded(1300_000_000L, 1, "What time is it?", 1100));
    at(1301, new LlmRequestSent(1301_000_000L, 1));
    at(1601, new LlmFirstToken(1601_000_000L, 1));
    at(1701, new TtsRequestSent(1701_000_000L, 1, 1, "It is noon."));
    at(1851, new TtsFirstAudio(1851_000_000L, 1, 1, "It is noon."));
    at(1951, new PlaybackStarted(1951_000_000L, 1));
    // The loop's own work for the reply, as the agent measures it around each task.
    at(1301, new AgentEvent.AgentWork(1301_000_000L, 1, AgentEvent.AgentWork.LLM_REQUEST, 0.75));
    at(1851, new AgentEvent.AgentWork(1851_000_000L, 1, AgentEvent.AgentWork.SPEAKER_WRITE, 0.25));

    TurnMeasure turn = SessionMeasures.of(new Timeline(events)).turns().get(0);
    assertThat(turn.sttMs()).isEqualTo(200);
    assertThat(turn.responseLatencyMs()).isEqualTo(851);
    assertThat(turn.llmFirstTokenMs()).isEqualTo(300);
    assertThat(turn.llmFirstSegmentMs()).isEqualTo(400);
    assertThat(turn.ttsFirstAudioMs()).isEqualTo(150);
    assertThat(turn.playbackStartMs()).isEqualTo(100);
    assertThat(turn.agentOverheadMs()).isCloseTo(1, within(1e-9));
  }

  @Test
  void aTurnThatNeverGotAudioHasNoLatency() {
    at(1300, new UserTurnEnded(1300_000_000L, 1, "Hello?", 1100));
    at(1301, new LlmRequestSent(1301_000_000L, 1));
    at(1400, new AgentError(1400_000_000L, "llm", "HTTP 500"));
    SessionMeasures measures = SessionMeasures.of(new Timeline(events));
    assertThat(measures.turns().get(0).responseLatencyMs()).isNaN();
    assertThat(measures.errors()).hasSize(1);
  }

  @Test
  void countsBargeInsWithTheirRulesStopLatencyAndTalkOver() {
    at(2000, new SpeechStarted(2000_000_000L, 2000, true));
    at(2600, new BargeInSuppressed(2600_000_000L, 1, "Mhm.", true, InterruptionRule.BACKCHANNEL_ONLY));
    at(4000, new SpeechStarted(4000_000_000L, 4000, true));
    at(4800, new BargeInAccepted(4800_000_000L, 2, "Wait, stop", false, InterruptionRule.ALWAYS_INTERRUPT_WORD));
    at(4830, new PlaybackStopped(4830_000_000L, 1, 3000));

    SessionMeasures measures = SessionMeasures.of(new Timeline(events), 500);
    assertThat(measures.suppressed()).isEqualTo(1);
    assertThat(measures.accepted()).isEqualTo(1);
    BargeInMeasure accepted = measures.bargeIns().get(1);
    assertThat(accepted.rule()).isEqualTo(InterruptionRule.ALWAYS_INTERRUPT_WORD);
    assertThat(accepted.stopLatencyMs()).isEqualTo(30);
    assertThat(accepted.talkOverMs()).isEqualTo(330);
    assertThat(measures.bargeIns().get(0).stopLatencyMs()).isNaN();
  }

  @Test
  void afterAnSttReconnectWordTimesCountFromTheNewSessionsStart() {
    at(8000, new AgentError(8000_000_000L, "stt", "dropped"));
    at(8250, new SttReconnected(8250_000_000L, "second", 250, 2));
    at(10300, new SpeechStarted(10300_000_000L, 2000, false));
    at(12000, new UserTurnEnded(12000_000_000L, 0, "Hello? Are you still there?", 3690));

    TurnMeasure turn = SessionMeasures.of(new Timeline(events)).turns().get(0);
    assertThat(turn.sttMs()).as("12000 - (8250 + 3690)").isEqualTo(60);
  }
}
