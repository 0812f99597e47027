package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.HistoryTruncated;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.stt.SttEvent.Word;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.agent.turn.InterruptionRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private final QueueLoop loop = new QueueLoop();
  private final ManualClock clock = new ManualClock();
  private final FakeChatModel llm = new FakeChatModel();
  private final FakeSynthesizer tts = new FakeSynthesizer();
  private final FakeSpeaker speaker = new FakeSpeaker();
  private final List<AgentEvent> events = new ArrayList<>();
  private Conversation conversation = create(ConversationSettings.defaults());

  private Conversation create(ConversationSettings settings) {
    Conversation c = new Conversation(settings, llm, tts, speaker, loop, clock, List.of(events::add));
    speaker.setListener(e -> loop.execute(() -> c.onPlayback(e)));
    return c;
  }

  private void turn(int order, String text, boolean endOfTurn) {
    var words = List.of(new Word(text, 1000, 1500, 1.0, endOfTurn));
    loop.execute(() -> conversation.onStt(new SttEvent.TurnUpdate(new Turn(order, text, endOfTurn, words))));
    loop.runAll();
  }

  private void run() {
    loop.runAll();
  }

  private <T extends AgentEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Says "Hello there, I am the agent. How can I help you today?" and plays 1000 frames of it. */
  private void agentIsSpeaking() {
    turn(0, "Hi.", true);
    llm.last().say("Hello there, I am the agent. ").say("How can I help you today?");
    run();
    tts.last().audio(4000).done();
    run();
    speaker.playFrames(1000);
    run();
    assertThat(conversation.state()).isEqualTo(AgentState.SPEAKING);
  }

  /** Completes the reply begun by {@link #agentIsSpeaking()} and plays all of it. */
  private void agentFinishesSpeaking() {
    llm.last().finish();
    run();
    tts.last().audio(1000).done();
    run();
    speaker.playFrames(4000);
    run();
    assertThat(conversation.idle()).isTrue();
  }

  @Test
  void answersAFinalTurnThroughLlmTtsAndSpeaker() {
    turn(0, "What time is it?", true);
    assertThat(llm.calls).hasSize(1);
    assertThat(llm.last().history).containsExactly(ChatMessage.user("What time is it?"));
    assertThat(conversation.state()).isEqualTo(AgentState.THINKING);

    llm.last().say("It is noon. ").say("Anything else?");
    run();
    assertThat(tts.texts()).containsExactly("It is noon.");
    llm.last().finish();
    tts.last().audio(800).done();
    run();
    assertThat(tts.texts()).containsExactly("It is noon.", "Anything else?");
    tts.last().audio(800).done();
    run();
    assertThat(speaker.framesQueued).isEqualTo(1600);

    speaker.playFrames(1600);
    run();
    assertThat(conversation.idle()).isTrue();
    assertThat(conversation.state()).isEqualTo(AgentState.LISTENING);

    turn(1, "Thanks, that is all.", true);
    assertThat(llm.last().history)
        .containsExactly(
            ChatMessage.user("What time is it?"),
            ChatMessage.assistant("It is noon. Anything else?"),
            ChatMessage.user("Thanks, that is all."));
  }

  @Test
  void ttsStartsOnTheFirstSentenceWhileTheLlmIsStillStreaming() {
    turn(0, "Tell me a story.", true);
    llm.last().say("Once upon a time. ").say("There was");
    run();
    assertThat(tts.texts()).containsExactly("Once upon a time.");
    assertThat(eventsOf(AgentEvent.LlmCompleted.class)).isEmpty();
  }

  @Test
  void partialsAreShownButNotAnswered() {
    turn(0, "What is", false);
    assertThat(eventsOf(AgentEvent.PartialTranscript.class)).hasSize(1);
    assertThat(llm.calls).isEmpty();
  }

  @Test
  void aBackchannelWhileSpeakingIsDroppedAndNeverReachesTheLlm() {
    agentIsSpeaking();
    turn(1, "Mhm.", true);
    assertThat(eventsOf(BargeInSuppressed.class))
        .singleElement()
        .extracting(BargeInSuppressed::rule)
        .isEqualTo(InterruptionRule.BACKCHANNEL_ONLY);
    assertThat(speaker.stops).isZero();
    assertThat(llm.calls).hasSize(1);
    assertThat(conversation.state()).isEqualTo(AgentState.SPEAKING);
  }

  @Test
  void speechStartedAloneNeverInterrupts() {
    agentIsSpeaking();
    loop.execute(() -> conversation.onStt(new SttEvent.SpeechStarted(2000)));
    run();
    assertThat(speaker.stops).isZero();
    assertThat(eventsOf(AgentEvent.SpeechStarted.class).get(0).agentAudible()).isTrue();
  }

  @Test
  void aRealInterruptionStopsAtOnceOnThePartialAndKeepsOnlyWhatWasHeard() {
    agentIsSpeaking();
    var call = llm.last();
    var request = tts.last();

    turn(1, "Wait, stop", false);
    assertThat(speaker.stops).isEqualTo(1);
    assertThat(call.cancelled).isTrue();
    assertThat(eventsOf(BargeInAccepted.class))
        .singleElement()
        .extracting(BargeInAccepted::rule)
        .isEqualTo(InterruptionRule.ALWAYS_INTERRUPT_WORD);
    // 1000 of 4000 frames of a 6-word segment were played: the first word was heard.
    HistoryTruncated truncated = eventsOf(HistoryTruncated.class).get(0);
    assertThat(truncated.heard()).isEqualTo("Hello");
    assertThat(truncated.unheard()).isEqualTo("there, I am the agent. How can I help you today?");
    assertThat(request.text).isEqualTo("Hello there, I am the agent.");

    turn(1, "Wait, stop.", true);
    assertThat(llm.calls).hasSize(2);
    assertThat(llm.last().history)
        .containsExactly(
            ChatMessage.user("Hi."), ChatMessage.assistant("Hello—"), ChatMessage.user("Wait, stop."));
  }

  @Test
  void eventsOfACancelledReplyAreIgnored() {
    agentIsSpeaking();
    var oldCall = llm.last();
    var oldRequest = tts.requests.get(0);
    turn(1, "Actually, never mind that", false);
    int ttsRequests = tts.requests.size();

    oldCall.say("More words that nobody should hear. ").finish();
    oldRequest.audio(500);
    run();
    assertThat(tts.requests).hasSize(ttsRequests);
    assertThat(speaker.framesQueued).isEqualTo(speaker.framesPlayed);
  }

  @Test
  void aBareYesInterruptsButTheGuidesSettingsWouldDropIt() {
    agentIsSpeaking();
    turn(1, "Yes.", true);
    assertThat(speaker.stops).isEqualTo(1);
    assertThat(llm.calls).hasSize(2);

    events.clear();
    conversation = create(ConversationSettings.defaults().withPolicy(InterruptionPolicy.guideOriginal()));
    agentIsSpeaking();
    turn(1, "Yes.", true);
    assertThat(eventsOf(BargeInSuppressed.class))
        .singleElement()
        .extracting(BargeInSuppressed::rule)
        .isEqualTo(InterruptionRule.TOO_SHORT);
  }

  @Test
  void theGraceWindowRunsFromWhenPlaybackReallyEnded() {
    agentIsSpeaking();
    clock.advanceMillis(5_000); // long after the last Turn: the guide's clock would have expired
    agentFinishesSpeaking();

    clock.advanceMillis(600);
    turn(1, "Yeah.", true);
    assertThat(eventsOf(BargeInSuppressed.class)).hasSize(1);
    assertThat(llm.calls).hasSize(1);

    clock.advanceMillis(600);
    turn(2, "Yeah.", true);
    assertThat(llm.calls).hasSize(2);
  }

  @Test
  void aSubstantiveTurnJustAfterTheAgentFinishedIsAnOrdinaryTurn() {
    agentIsSpeaking();
    agentFinishesSpeaking();
    clock.advanceMillis(300); // inside the grace window: filtered, but nothing left to interrupt
    turn(1, "I would like a table for two.", true);
    assertThat(eventsOf(BargeInAccepted.class)).isEmpty();
    assertThat(llm.calls).hasSize(2);
  }

  @Test
  void moreSpeechBeforeAnythingWasHeardIsMergedIntoOneQuestion() {
    turn(0, "I need a flight.", true);
    var first = llm.last();
    turn(1, "To Paris on Monday.", true);
    assertThat(first.cancelled).isTrue();
    assertThat(llm.last().history)
        .containsExactly(ChatMessage.user("I need a flight. To Paris on Monday."));
  }

  @Test
  void llmFailureIsReportedAndTheAgentListensAgain() {
    turn(0, "Hello?", true);
    llm.last().fail("HTTP 500 from OpenAI: overloaded");
    run();
    assertThat(eventsOf(AgentEvent.AgentError.class))
        .singleElement()
        .extracting(AgentEvent.AgentError::source)
        .isEqualTo("llm");
    assertThat(conversation.idle()).isTrue();
    assertThat(conversation.state()).isEqualTo(AgentState.LISTENING);
  }

  @Test
  void fatalSttFailureEndsTheSession() {
    loop.execute(() -> conversation.onStt(new SttEvent.Failure(1008, "Unauthorized", false)));
    run();
    assertThat(conversation.sessionOver()).isTrue();
  }
}
