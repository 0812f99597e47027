package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.stt.SttEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grace window counts on the audio axis: from when the agent's audio really ended to when the
 * turn's first word was spoken, whenever its transcript arrives. Default grace: 1000 ms.
 */
class AudioAxisGraceTest {
  private final ConversationRig rig = new ConversationRig();

  /**
   * @param firstWordMs the turn's first word, after the agent's audio ended
   * @param arrivesMs when its final transcript arrives, after the agent's audio ended
   * @param outcome "answered", or the rule that dropped it
   */
  @ParameterizedTest(name = "\"{0}\" said +{1} ms, arriving +{2} ms -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The case: said inside the grace window, transcript long after it.
        "Mm-hmm, okay. | 400  | 1400 | BACKCHANNEL_ONLY",
        "Yeah.         | 900  | 1900 | BACKCHANNEL_ONLY",
        "Mhm.          | -300 | 1500 | BACKCHANNEL_ONLY",
        // The opposite: a backchannel after the grace window is still a turn, however fast it arrives.
        "Mm-hmm, okay. | 1300 | 1600 | answered",
        "Yeah.         | 1100 | 1300 | answered",
        // Substantive speech in the grace window: nothing is left to interrupt, so it is answered.
        "I would like a table for two. | 300 | 2500 | answered",
      })
  void judgesTheTurnByWhenItsFirstWordWasSpoken(
      String text, long firstWordMs, long arrivesMs, String outcome) {
    rig.agentIsSpeaking();
    rig.agentFinishesSpeaking();
    long endedMs = rig.nowMs();
    rig.waitMs(arrivesMs);
    rig.turnFrom(1, text, true, endedMs + firstWordMs);

    if (outcome.equals("answered")) {
      assertThat(rig.eventsOf(BargeInSuppressed.class)).isEmpty();
      assertThat(rig.llm.calls).hasSize(2);
    } else {
      assertThat(rig.eventsOf(BargeInSuppressed.class))
          .singleElement()
          .extracting(s -> s.rule().name())
          .isEqualTo(outcome);
      assertThat(rig.llm.calls).hasSize(1);
    }
  }

  @ParameterizedTest(name = "speech started {0} ms after the audio ended, reported +{1} ms -> audible {2}")
  @CsvSource({"-200, 150, true", "150, 300, false"})
  void speechStartedSaysWhetherTheAgentWasAudibleAtThatAudioTime(
      long startedMs, long reportedMs, boolean audible) {
    rig.agentIsSpeaking();
    rig.agentFinishesSpeaking();
    long endedMs = rig.nowMs();
    rig.waitMs(reportedMs);
    rig.stt(new SttEvent.SpeechStarted(endedMs + startedMs));
    assertThat(rig.eventsOf(AgentEvent.SpeechStarted.class).get(0).agentAudible()).isEqualTo(audible);
  }
}
