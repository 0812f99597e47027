package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.InterruptionCommitted;
import dev.turntable.agent.conversation.AgentEvent.ReplyPaused;
import dev.turntable.agent.conversation.AgentEvent.ReplyResumed;
import dev.turntable.agent.llm.ChatMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new user turn while the reply is still being prepared (LLM pending, or before its first audio)
 * replaces it: one reply answers everything the user said, and no stale reply is ever played.
 */
class InterruptWhileThinkingTest {
  private final ConversationRig rig = new ConversationRig();

  /** Where the first reply has got to when the user speaks again. */
  private void prepareFirstReply(String stage) {
    rig.turn(0, "I need a flight.", true);
    if (!stage.equals("llm pending")) {
      rig.llm.last().say("Sure, where to? ");
      rig.run();
    }
    if (stage.equals("audio queued")) {
      rig.tts.last().audio(16_000);
      rig.run();
    }
    rig.waitMs(1_200);
  }

  @ParameterizedTest(name = "{0}: the reply is replaced")
  @ValueSource(strings = {"llm pending", "tts pending", "audio queued"})
  void aNewTurnReplacesTheReplyBeingPrepared(String stage) {
    prepareFirstReply(stage);
    var first = rig.llm.last();

    rig.turn(1, "To Paris", false);
    assertThat(rig.eventsOf(ReplyPaused.class)).singleElement()
        .extracting(p -> p.rule().name()).isEqualTo("AGENT_SILENT");
    assertThat(rig.speaker.framesPlayed).isZero();

    rig.turn(1, "To Paris on Monday.", true);
    assertThat(first.cancelled).isTrue();
    assertThat(rig.eventsOf(InterruptionCommitted.class)).singleElement()
        .extracting(InterruptionCommitted::reason).isEqualTo("new turn before the reply was heard");
    assertThat(rig.llm.last().history)
        .containsExactly(ChatMessage.user("I need a flight. To Paris on Monday."));

    // Whatever the old reply still sends is dropped; only the new reply is played.
    first.say("Sure, where to? Paris is lovely.").finish();
    rig.run();
    rig.play(2_000);
    assertThat(rig.speaker.framesPlayed).isZero();
    assertThat(rig.eventsOf(AgentEvent.PlaybackStarted.class)).isEmpty();
  }

  @Test
  void audioArrivingWhileTheUserSpeaksIsHeldNotPlayed() {
    prepareFirstReply("tts pending");
    rig.turn(1, "To Paris", false);
    rig.tts.last().audio(16_000);
    rig.run();
    assertThat(rig.speaker.framesQueued).isZero();
  }

  @Test
  void aTurnThatComesToNothingLetsTheHeldReplyPlayInFull() {
    prepareFirstReply("tts pending");
    var first = rig.llm.last();
    rig.turn(1, "Um so", false);
    rig.tts.last().audio(16_000).done();
    rig.run();
    rig.stt(new dev.turntable.agent.stt.SttEvent.TurnUpdate(
        new dev.turntable.agent.stt.SttEvent.Turn(1, "", true, java.util.List.of())));

    assertThat(rig.eventsOf(ReplyResumed.class)).singleElement()
        .extracting(ReplyResumed::reason).isEqualTo("final turn dropped as EMPTY");
    assertThat(first.cancelled).isFalse();
    assertThat(rig.speaker.pendingFrames()).as("the whole reply, from its start").isEqualTo(16_000);
    assertThat(rig.conversation.state()).isEqualTo(AgentState.THINKING);
  }

  /**
   * The last reply ended at T; "Go on." (said at T+50 ms) is being answered when "Mhm." comes. Said
   * inside the last reply's grace window, it is a backchannel and the pending answer stands; said
   * after it, it is a turn of its own and replaces the pending answer.
   */
  @ParameterizedTest(name = "\"Mhm.\" said at T+{0} ms -> pending reply replaced: {1}")
  @org.junit.jupiter.params.provider.CsvSource({"900, false", "1200, true"})
  void aBackchannelInTheLastRepliesGraceWindowDoesNotReplaceTheNextOne(long mhmAtMs, boolean replaced) {
    rig.agentIsSpeaking();
    rig.agentFinishesSpeaking();
    long ended = rig.nowMs();
    rig.waitMs(850);
    rig.turnFrom(1, "Go on.", true, ended + 50);
    var pending = rig.llm.last();
    rig.waitMs(mhmAtMs + 300 - 850);
    rig.turnFrom(2, "Mhm.", true, ended + mhmAtMs);
    assertThat(pending.cancelled).isEqualTo(replaced);
    assertThat(rig.eventsOf(AgentEvent.BargeInSuppressed.class)).hasSize(replaced ? 0 : 1);
  }
}
