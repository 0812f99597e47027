package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.InterruptionCommitted;
import dev.turntable.agent.conversation.AgentEvent.ReplyPaused;
import dev.turntable.agent.conversation.AgentEvent.ReplyResumed;
import dev.turntable.agent.llm.ChatMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A passing partial pauses the agent; the final (or a second passing partial) commits; a turn that
 * comes to nothing lets the reply go on from the frame where it stopped.
 */
class FalseInterruptionTest {
  private static final long PLAYED_FRAMES = 1_000 * ConversationRig.FRAMES_PER_MS;

  private ConversationRig rig = new ConversationRig();

  @ParameterizedTest(name = "partial \"Uh, I\" then {0} \"{1}\" -> resumed: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "final   | Uh.              | final turn dropped as BACKCHANNEL_ONLY",
        "final   | Okay, okay.      | final turn dropped as BACKCHANNEL_ONLY",
        "final   | Tuesday.         | final turn dropped as TOO_SHORT",
        "final   | ''               | final turn dropped as EMPTY",
        "nothing | ''               | no transcript within 2000 ms",
      })
  void aTurnThatComesToNothingResumesWhereTheAgentStopped(String next, String text, String reason) {
    rig.agentIsSpeaking();
    var call = rig.llm.last();
    rig.turn(1, "Uh, I", false);
    assertThat(rig.eventsOf(ReplyPaused.class)).singleElement().satisfies(p -> {
      assertThat(p.heardMs()).isEqualTo(1_000.0);
      assertThat(p.rule().name()).isEqualTo("SUBSTANTIVE");
    });
    assertThat(rig.speaker.stops).isEqualTo(1);
    assertThat(rig.conversation.state()).isEqualTo(AgentState.INTERRUPTED);

    rig.waitMs(900);
    if (next.equals("final")) {
      rig.stt(new dev.turntable.agent.stt.SttEvent.TurnUpdate(
          new dev.turntable.agent.stt.SttEvent.Turn(1, text, true, words(text))));
    } else {
      rig.waitMs(2_000);
    }

    assertThat(rig.eventsOf(ReplyResumed.class)).singleElement().extracting(ReplyResumed::reason).isEqualTo(reason);
    assertThat(rig.eventsOf(InterruptionCommitted.class)).isEmpty();
    assertThat(call.cancelled).isFalse();
    assertThat(rig.conversation.state()).isEqualTo(AgentState.SPEAKING);
    // Everything not yet heard is queued again, from the frame where it stopped.
    assertThat(rig.speaker.framesPlayed).isEqualTo(PLAYED_FRAMES);
    assertThat(rig.speaker.pendingFrames()).isEqualTo(4 * 16_000 - PLAYED_FRAMES);

    rig.agentFinishesSpeaking();
    assertThat(rig.speaker.framesPlayed).as("not restarted, nothing dropped").isEqualTo(6 * 16_000);
    rig.waitMs(3_000);
    rig.turn(2, "Thanks.", true);
    assertThat(rig.llm.last().history.get(1))
        .isEqualTo(ChatMessage.assistant("Hello there, I am the agent. How can I help you today?"));
  }

  private java.util.List<dev.turntable.agent.stt.SttEvent.Word> words(String text) {
    long start = rig.nowMs() - 1_000;
    return text.isEmpty()
        ? java.util.List.of()
        : java.util.List.of(new dev.turntable.agent.stt.SttEvent.Word(text, start, start + 300, 0.9, true));
  }

  @ParameterizedTest(name = "partial \"Hang on a\" then {0} \"{1}\" -> committed: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "true  | Hang on a second. | final turn",
        "false | Hang on a sec     | second partial",
      })
  void aTurnThatPassesAgainCommitsTheInterruption(boolean endOfTurn, String text, String reason) {
    rig.agentIsSpeaking();
    var call = rig.llm.last();
    rig.turn(1, "Hang on a", false);
    rig.waitMs(300);
    rig.turn(1, text, endOfTurn);

    assertThat(rig.eventsOf(InterruptionCommitted.class)).singleElement()
        .extracting(InterruptionCommitted::reason).isEqualTo(reason);
    assertThat(rig.eventsOf(ReplyResumed.class)).isEmpty();
    assertThat(call.cancelled).isTrue();
    assertThat(rig.eventsOf(AgentEvent.HistoryTruncated.class)).singleElement()
        .extracting(AgentEvent.HistoryTruncated::heard).isEqualTo("Hello");
    rig.waitMs(5_000);
    assertThat(rig.speaker.pendingFrames()).as("the reply never comes back").isZero();
  }

  @Test
  void withResumeOffTheFirstPassingPartialCancelsAtOnce() {
    rig = new ConversationRig(
        ConversationSettings.defaults().withFalseInterruptions(FalseInterruptions.never()));
    rig.agentIsSpeaking();
    var call = rig.llm.last();
    rig.turn(1, "Uh, I", false);
    assertThat(call.cancelled).isTrue();
    assertThat(rig.eventsOf(InterruptionCommitted.class)).singleElement()
        .extracting(InterruptionCommitted::reason).isEqualTo("partial, resume off");
    rig.turn(1, "Uh.", true);
    assertThat(rig.eventsOf(ReplyResumed.class)).isEmpty();
  }

  @Test
  void synthesisGoesOnWhilePausedAndAllOfItIsPlayedAfterwards() {
    rig.agentIsSpeaking();
    rig.turn(1, "Uh, I", false);
    rig.llm.last().finish();
    rig.run();
    rig.tts.last().audio(2 * 16_000).done(); // the second sentence arrives during the pause
    rig.run();
    assertThat(rig.speaker.framesQueued).as("nothing is played while paused").isEqualTo(PLAYED_FRAMES);

    rig.turn(1, "Uh.", true);
    rig.play(rig.speaker.pendingFrames() / ConversationRig.FRAMES_PER_MS);
    assertThat(rig.speaker.framesPlayed).isEqualTo(6 * 16_000);
    assertThat(rig.conversation.idle()).isTrue();
  }

  /**
   * The pause a false interruption costs, as the user hears it: the speaker's silent span from the
   * pausing partial to the final that drops it. AssemblyAI sends the partial once
   * min_turn_silence has passed without terminal punctuation, and the final at max_turn_silence.
   */
  @ParameterizedTest(name = "{0}: partial at +{1} ms, final at +{2} ms -> {3} ms of silence")
  @CsvSource({
    "fast,     100,  800,  700",
    "balanced, 100, 1000,  900",
    "patient,  200, 2000, 1800",
    "no final, 100,   -1, 2000",
  })
  void thePauseLastsFromThePartialToTheFinalThatDropsIt(
      String preset, long partialMs, long finalMs, long silentMs) {
    rig.agentIsSpeaking();
    long lastWordEnd = rig.nowMs() - 50;
    rig.waitMs(partialMs - 50);
    rig.turnFrom(1, "Uh, I", false, lastWordEnd - 2 * ConversationRig.WORD_MS);
    if (finalMs > 0) {
      rig.waitMs(finalMs - partialMs);
      rig.turnFrom(1, "Uh.", true, lastWordEnd - 2 * ConversationRig.WORD_MS);
    } else {
      rig.waitMs(FalseInterruptions.DEFAULT_TIMEOUT.toMillis());
    }
    assertThat(rig.speaker.silentSpansMs).containsExactly(silentMs);
    System.out.printf("false interruption (%s): speaker silent %d ms%n", preset, silentMs);
  }

  @Test
  void theResumeTimeoutIsConfigurable() {
    rig = new ConversationRig(ConversationSettings.defaults()
        .withFalseInterruptions(FalseInterruptions.resumeAfter(Duration.ofMillis(700))));
    rig.agentIsSpeaking();
    rig.turn(1, "Uh, I", false);
    rig.waitMs(699);
    assertThat(rig.eventsOf(ReplyResumed.class)).isEmpty();
    rig.waitMs(1);
    assertThat(rig.eventsOf(ReplyResumed.class)).hasSize(1);
  }
}
