package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.agent.conversation.AgentEvent.ServiceRetrying;
import dev.turntable.agent.conversation.AgentEvent.SttReconnected;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.time.ManualLoop;
import dev.turntable.agent.tts.TtsEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures of the services keep the conversation alive. */
class ServiceFailureTest {
  private ConversationRig rig = new ConversationRig();

  @Test
  void anLlmThatFailsForGoodIsExplainedBrieflyAndTheAgentListensAgain() {
    rig.turn(0, "Hello?", true);
    rig.llm.last().listener.onLlm(new LlmEvent.Retrying("HTTP 503; retrying in 250 ms"));
    rig.llm.last().fail("HTTP 503 from OpenAI: overloaded (gave up after retrying)");
    rig.run();

    assertThat(rig.eventsOf(ServiceRetrying.class)).singleElement()
        .extracting(ServiceRetrying::source).isEqualTo("llm");
    assertThat(rig.eventsOf(AgentError.class)).singleElement()
        .extracting(AgentError::source).isEqualTo("llm");
    assertThat(rig.tts.texts()).containsExactly(ConversationSettings.DEFAULT_FAILURE_NOTICE);
    rig.tts.last().audio(8_000).done();
    rig.run();
    rig.play(500);
    assertThat(rig.conversation.idle()).isTrue();

    rig.waitMs(2_000);
    rig.turn(1, "Are you there?", true);
    assertThat(rig.llm.last().history).as("the notice is not part of the history")
        .containsExactly(ChatMessage.user("Hello? Are you there?"));
  }

  @Test
  void anLlmFailureAfterItSpokeAddsNoNotice() {
    rig.turn(0, "Hello?", true);
    rig.llm.last().say("Hi there. ");
    rig.llm.last().fail("OpenAI stream ended before [DONE]");
    rig.run();
    assertThat(rig.tts.texts()).containsExactly("Hi there.");
  }

  @Test
  void withoutANoticeTheAgentJustListensAgain() {
    rig = new ConversationRig(ConversationSettings.defaults().withFailureNotice(""));
    rig.turn(0, "Hello?", true);
    rig.llm.last().fail("HTTP 500 from OpenAI: overloaded");
    rig.run();
    assertThat(rig.tts.requests).isEmpty();
    assertThat(rig.conversation.idle()).isTrue();
    assertThat(rig.conversation.state()).isEqualTo(AgentState.LISTENING);
  }

  @Test
  void aTtsThatFailsForGoodEndsTheReplyWithWhatWasHeard() {
    rig.agentIsSpeaking();
    rig.llm.last().say(" Anything else?");
    rig.run();
    rig.tts.last().listener.onTts(new TtsEvent.Retrying("HTTP 429; trying the fallback provider"));
    rig.run();
    rig.tts.requests.get(1).listener.onTts(new TtsEvent.Failed("HTTP 500 from Cartesia", true));
    rig.run();
    assertThat(rig.eventsOf(ServiceRetrying.class)).singleElement()
        .extracting(ServiceRetrying::source).isEqualTo("tts");
    assertThat(rig.llm.last().cancelled).isTrue();
    rig.play(3_000);
    assertThat(rig.conversation.idle()).isTrue();
    assertThat(rig.tts.requests).hasSize(2);

    rig.waitMs(2_000);
    rig.turn(1, "Hello?", true);
    assertThat(rig.llm.last().history.get(1))
        .isEqualTo(ChatMessage.assistant("Hello there, I am the agent."));
  }

  @Test
  void aReconnectedRecognizerKeepsTheConversationAndSaysSo() {
    rig.stt(new SttEvent.SessionBegan("first", 0));
    rig.turn(0, "My name is Ada.", true);
    rig.llm.last().say("Nice to meet you, Ada.").finish();
    rig.run();
    rig.tts.last().audio(16_000).done();
    rig.run();
    rig.play(1_000);

    rig.stt(new SttEvent.Failure(1011, "connection lost; reconnecting in 250 ms", true));
    assertThat(rig.conversation.sessionOver()).isFalse();
    rig.waitMs(400);
    rig.stt(new SttEvent.SessionBegan("second", 0));

    assertThat(rig.eventsOf(SttReconnected.class)).singleElement().satisfies(r -> {
      assertThat(r.downMs()).isEqualTo(400.0);
      assertThat(r.historyMessages()).isEqualTo(2);
    });
    rig.waitMs(2_000);
    rig.turn(0, "What is my name?", true); // turns count from 0 again
    assertThat(rig.llm.last().history)
        .containsExactly(
            ChatMessage.user("My name is Ada."),
            ChatMessage.assistant("Nice to meet you, Ada."),
            ChatMessage.user("What is my name?"));
  }

  @Test
  void theFirstSessionIsNotAReconnection() {
    rig.stt(new SttEvent.SessionBegan("first", 0));
    assertThat(rig.eventsOf(SttReconnected.class)).isEmpty();
  }

  @Test
  void wordTimesOfAReconnectedSessionArePutBackOnTheStreamsAxis() {
    rig.stt(new SttEvent.SessionBegan("first", 0));
    rig.stt(new SttEvent.Failure(1011, "connection lost", true));
    rig.waitMs(300);
    rig.stt(new SttEvent.SessionBegan("second", 0));
    long sessionStart = rig.nowMs();
    rig.agentIsSpeaking();
    long spokenAt = rig.nowMs() - 400 - sessionStart; // the new session's audio time
    rig.stt(new SttEvent.TurnUpdate(new SttEvent.Turn(2, "Mhm.", true,
        List.of(new SttEvent.Word("Mhm.", spokenAt, spokenAt + 200, 0.9, true)))));
    assertThat(rig.eventsOf(AgentEvent.BargeInSuppressed.class)).hasSize(1);
  }

  @Test
  void aListenerThatThrowsBecomesAnAgentErrorAndTheOthersStillHearEverything() {
    ManualClock clock = new ManualClock();
    ManualLoop loop = new ManualLoop(clock);
    List<AgentEvent> heard = new ArrayList<>();
    FakeChatModel llm = new FakeChatModel();
    FakeSpeaker speaker = new FakeSpeaker();
    Conversation conversation = new Conversation(
        ConversationSettings.defaults(), llm, new FakeSynthesizer(), speaker, loop, clock,
        List.of(e -> { throw new IllegalStateException("console closed"); }, heard::add));
    loop.execute(() -> conversation.onStt(new SttEvent.TurnUpdate(
        new SttEvent.Turn(0, "Hello?", true, List.of()))));
    loop.runAll();

    assertThat(heard).filteredOn(AgentEvent.UserTurnEnded.class::isInstance).hasSize(1);
    assertThat(heard).filteredOn(AgentError.class::isInstance)
        .extracting(e -> ((AgentError) e).source()).contains("listener");
    assertThat(llm.calls).hasSize(1);
  }

  @Test
  void anAdapterThatThrowsIsAFailureNotAHang() {
    ManualClock clock = new ManualClock();
    ManualLoop loop = new ManualLoop(clock);
    List<AgentEvent> heard = new ArrayList<>();
    Conversation conversation = new Conversation(
        ConversationSettings.defaults().withFailureNotice(""),
        (history, listener) -> { throw new IllegalStateException("client closed"); },
        new FakeSynthesizer(), new FakeSpeaker(), loop, clock, List.of(heard::add));
    loop.execute(() -> conversation.onStt(new SttEvent.TurnUpdate(
        new SttEvent.Turn(0, "Hello?", true, List.of()))));
    loop.runAll();
    assertThat(heard).filteredOn(AgentError.class::isInstance).hasSize(1);
    assertThat(conversation.idle()).isTrue();
  }
}
