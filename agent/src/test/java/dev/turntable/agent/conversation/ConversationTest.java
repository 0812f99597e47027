package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.HistoryTruncated;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.agent.turn.InterruptionRule;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private ConversationRig rig = new ConversationRig();

  @Test
  void answersAFinalTurnThroughLlmTtsAndSpeaker() {
    rig.turn(0, "What time is it?", true);
    assertThat(rig.llm.calls).hasSize(1);
    assertThat(rig.llm.last().history).containsExactly(ChatMessage.user("What time is it?"));
    assertThat(rig.conversation.state()).isEqualTo(AgentState.THINKING);

    rig.llm.last().say("It is noon. ").say("Anything else?");
    rig.run();
    assertThat(rig.tts.texts()).containsExactly("It is noon.");
    rig.llm.last().finish();
    rig.tts.last().audio(800).done();
    rig.run();
    assertThat(rig.tts.texts()).containsExactly("It is noon.", "Anything else?");
    rig.tts.last().audio(800).done();
    rig.run();
    assertThat(rig.speaker.framesQueued).isEqualTo(1600);

    rig.play(100);
    assertThat(rig.conversation.idle()).isTrue();
    assertThat(rig.conversation.state()).isEqualTo(AgentState.LISTENING);

    rig.waitMs(2_000);
    rig.turn(1, "Thanks, that is all.", true);
    assertThat(rig.llm.last().history)
        .containsExactly(
            ChatMessage.user("What time is it?"),
            ChatMessage.assistant("It is noon. Anything else?"),
            ChatMessage.user("Thanks, that is all."));
  }

  @Test
  void ttsStartsOnTheFirstSentenceWhileTheLlmIsStillStreaming() {
    rig.turn(0, "Tell me a story.", true);
    rig.llm.last().say("Once upon a time. ").say("There was");
    rig.run();
    assertThat(rig.tts.texts()).containsExactly("Once upon a time.");
    assertThat(rig.eventsOf(AgentEvent.LlmCompleted.class)).isEmpty();
  }

  @Test
  void partialsAreShownButNotAnswered() {
    rig.turn(0, "What is", false);
    assertThat(rig.eventsOf(AgentEvent.PartialTranscript.class)).hasSize(1);
    assertThat(rig.llm.calls).isEmpty();
  }

  @Test
  void aBackchannelWhileSpeakingIsDroppedAndNeverReachesTheLlm() {
    rig.agentIsSpeaking();
    rig.turn(1, "Mhm.", true);
    assertThat(rig.eventsOf(BargeInSuppressed.class))
        .singleElement()
        .extracting(BargeInSuppressed::rule)
        .isEqualTo(InterruptionRule.BACKCHANNEL_ONLY);
    assertThat(rig.speaker.stops).isZero();
    assertThat(rig.llm.calls).hasSize(1);
    assertThat(rig.conversation.state()).isEqualTo(AgentState.SPEAKING);
  }

  @Test
  void speechStartedAloneNeverInterrupts() {
    rig.agentIsSpeaking();
    rig.stt(new SttEvent.SpeechStarted(rig.nowMs() - 100));
    assertThat(rig.speaker.stops).isZero();
    assertThat(rig.eventsOf(AgentEvent.SpeechStarted.class).get(0).agentAudible()).isTrue();
  }

  @Test
  void aRealInterruptionSilencesAtOnceOnThePartialAndCommitsOnTheFinal() {
    rig.agentIsSpeaking();
    var call = rig.llm.last();

    rig.turn(1, "Wait, stop", false);
    assertThat(rig.speaker.stops).isEqualTo(1);
    assertThat(rig.eventsOf(BargeInAccepted.class))
        .singleElement()
        .extracting(BargeInAccepted::rule)
        .isEqualTo(InterruptionRule.ALWAYS_INTERRUPT_WORD);
    assertThat(call.cancelled).as("paused, not yet cancelled").isFalse();

    rig.turn(1, "Wait, stop.", true);
    assertThat(call.cancelled).isTrue();
    // 1 s of a 4 s, 6-word segment was played: the first word was heard.
    HistoryTruncated truncated = rig.eventsOf(HistoryTruncated.class).get(0);
    assertThat(truncated.heard()).isEqualTo("Hello");
    assertThat(truncated.unheard()).isEqualTo("there, I am the agent. How can I help you today?");
    assertThat(rig.llm.calls).hasSize(2);
    assertThat(rig.llm.last().history)
        .containsExactly(
            ChatMessage.user("Hi."), ChatMessage.assistant("Hello—"), ChatMessage.user("Wait, stop."));
  }

  @Test
  void eventsOfACancelledReplyAreIgnored() {
    rig.agentIsSpeaking();
    var oldCall = rig.llm.last();
    var oldRequest = rig.tts.requests.get(0);
    rig.turn(1, "Actually, never mind that.", true);
    int ttsRequests = rig.tts.requests.size();

    oldCall.say("More words that nobody should hear. ").finish();
    oldRequest.audio(500);
    rig.run();
    assertThat(rig.tts.requests).hasSize(ttsRequests);
    assertThat(rig.speaker.framesQueued).isEqualTo(rig.speaker.framesPlayed);
  }

  @Test
  void aBareYesInterruptsButTheGuidesSettingsWouldDropIt() {
    rig.agentIsSpeaking();
    rig.turn(1, "Yes.", true);
    assertThat(rig.speaker.stops).isEqualTo(1);
    assertThat(rig.llm.calls).hasSize(2);

    rig = new ConversationRig(ConversationSettings.defaults().withPolicy(InterruptionPolicy.guideOriginal()));
    rig.agentIsSpeaking();
    rig.turn(1, "Yes.", true);
    assertThat(rig.eventsOf(BargeInSuppressed.class))
        .singleElement()
        .extracting(BargeInSuppressed::rule)
        .isEqualTo(InterruptionRule.TOO_SHORT);
  }

  @Test
  void aSubstantiveTurnJustAfterTheAgentFinishedIsAnOrdinaryTurn() {
    rig.agentIsSpeaking();
    rig.agentFinishesSpeaking();
    rig.waitMs(300); // inside the grace window: filtered, but nothing left to interrupt
    rig.turn(1, "I would like a table for two.", true);
    assertThat(rig.eventsOf(BargeInAccepted.class)).isEmpty();
    assertThat(rig.llm.calls).hasSize(2);
  }

  @Test
  void moreSpeechBeforeAnythingWasHeardIsMergedIntoOneQuestion() {
    rig.turn(0, "I need a flight.", true);
    var first = rig.llm.last();
    rig.waitMs(1_500);
    rig.turn(1, "To Paris on Monday.", true);
    assertThat(first.cancelled).isTrue();
    assertThat(rig.llm.last().history)
        .containsExactly(ChatMessage.user("I need a flight. To Paris on Monday."));
  }

  @Test
  void fatalSttFailureEndsTheSession() {
    rig.stt(new SttEvent.Failure(1008, "Unauthorized", false));
    assertThat(rig.conversation.sessionOver()).isTrue();
  }
}
