package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.turn.EchoGuard;
import dev.turntable.agent.turn.InterruptionRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On open speakers the microphone hears the agent. "Hello there, I am the agent." is 4 s of audio;
 * by length, its words start about 0, 830, 1790, 2070, 2480 and 3030 ms into it. The echo comes
 * back ~80 ms after each word was played.
 */
class EchoConversationTest {
  private ConversationRig rig = new ConversationRig();

  private void speakingFor2500Ms() {
    rig.agentIsSpeaking();
    rig.play(1_500);
  }

  /** "word@offset" with offsets from the start of the agent's audio. */
  private void heard(boolean endOfTurn, String... wordsAtOffset) {
    long t0 = rig.firstPlaybackMs();
    String[] absolute = new String[wordsAtOffset.length];
    for (int i = 0; i < wordsAtOffset.length; i++) {
      String[] wordAt = wordsAtOffset[i].split("@");
      absolute[i] = wordAt[0] + "@" + (t0 + Long.parseLong(wordAt[1]));
    }
    rig.turnWords(1, endOfTurn, absolute);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Its own voice: dropped, the agent keeps talking.
        "Hello@80 there,@910 I@1870 am@2150 | ECHO",
        "I@1870 am@2150                     | ECHO",
        "Hello@300 there@700                | ECHO",
        // Echo with a mis-heard word inside it is still echo; at its edge, too short to interrupt.
        "Hello@80 bear@910 I@1870           | ECHO",
        "Hello@80 there@910 bear@1870       | TOO_SHORT",
        // A user talking over the echo still interrupts at once.
        "Hello@80 there@910 wait@1300 stop@1600    | ALWAYS_INTERRUPT_WORD",
        "Can@1500 you@1700 repeat@1900 that@2100   | SUBSTANTIVE",
        "No@2000                                    | ALWAYS_INTERRUPT_WORD",
      })
  void theAgentsOwnVoiceIsNotABargeIn(String words, InterruptionRule expected) {
    speakingFor2500Ms();
    heard(false, words.split(" "));
    if (expected.interrupts()) {
      assertThat(rig.eventsOf(BargeInAccepted.class)).singleElement()
          .extracting(BargeInAccepted::rule).isEqualTo(expected);
      assertThat(rig.speaker.stops).isEqualTo(1);
    } else {
      assertThat(rig.eventsOf(BargeInSuppressed.class)).singleElement()
          .extracting(BargeInSuppressed::rule).isEqualTo(expected);
      assertThat(rig.speaker.stops).isZero();
      assertThat(rig.conversation.state()).isEqualTo(AgentState.SPEAKING);
    }
  }

  @ParameterizedTest(name = "guard off: {0} -> {1}")
  @CsvSource(delimiter = '|', value = {"Hello@80 there,@910 I@1870 am@2150 | SUBSTANTIVE"})
  void withTheGuardOffTheEchoInterruptsTheAgent(String words, InterruptionRule expected) {
    rig = new ConversationRig(ConversationSettings.defaults().withEchoGuard(EchoGuard.off()));
    speakingFor2500Ms();
    heard(false, words.split(" "));
    assertThat(rig.eventsOf(BargeInAccepted.class)).singleElement()
        .extracting(BargeInAccepted::rule).isEqualTo(expected);
  }

  @ParameterizedTest(name = "echo final after the agent stopped: {0} -> {1}")
  @CsvSource(delimiter = '|', value = {"the@2560 agent.@3110 | ECHO"})
  void anEchoTurnEndingAfterTheReplyIsStillDropped(String words, InterruptionRule expected) {
    speakingFor2500Ms();
    rig.agentFinishesSpeaking();
    rig.waitMs(800);
    heard(true, words.split(" "));
    assertThat(rig.eventsOf(BargeInSuppressed.class)).singleElement()
        .extracting(BargeInSuppressed::rule).isEqualTo(expected);
    assertThat(rig.llm.calls).hasSize(1);
  }
}
