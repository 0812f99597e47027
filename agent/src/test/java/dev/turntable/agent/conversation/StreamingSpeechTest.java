package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent.HistoryTruncated;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.stt.SttEvent.Word;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.time.ManualLoop;
import dev.turntable.agent.tts.SpokenWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation with a TTS that takes the LLM's tokens as they arrive. */
class StreamingSpeechTest {
  private final ManualClock clock = new ManualClock();
  private final ManualLoop loop = new ManualLoop(clock);
  private final FakeChatModel llm = new FakeChatModel();
  private final FakeStreamingSynthesizer tts = new FakeStreamingSynthesizer();
  private final FakeSpeaker speaker = new FakeSpeaker();
  private final List<AgentEvent> events = new ArrayList<>();
  private final Conversation conversation =
      new Conversation(
          ConversationSettings.defaults(), llm, tts, speaker, loop, clock, List.of(events::add));

  StreamingSpeechTest() {
    speaker.setListener(e -> loop.execute(() -> conversation.onPlayback(e)));
  }

  private void turn(int order, String text, boolean endOfTurn) {
    var words = List.of(new Word(text, 1000, 1500, 1.0, endOfTurn));
    loop.execute(() -> conversation.onStt(new SttEvent.TurnUpdate(new Turn(order, text, endOfTurn, words))));
    loop.runAll();
  }

  private void say(String... deltas) {
    for (String delta : deltas) {
      llm.last().say(delta);
    }
    loop.runAll();
  }

  @Test
  void tokensGoToTheTtsAsTheyArriveAndTheFirstWordsAreSpokenAtOnce() {
    turn(0, "Hi.", true);
    say("Hello", " there");
    assertThat(tts.streams).hasSize(1);
    assertThat(tts.last().sent).containsExactly("Hello", " there");

    say(" my", " friend.", " How", " are", " you?");
    // Flushed once two whole words were in, then at the end of the first sentence.
    assertThat(tts.last().sent)
        .containsExactly("Hello", " there", "|", " my", " friend.", " How", "|", " are", " you?");
    assertThat(tts.last().finished).isFalse();

    llm.last().finish();
    loop.runAll();
    assertThat(tts.last().finished).isTrue();
  }

  @Test
  void aPunctuatedFirstWordIsSpokenWithoutWaitingForMore() {
    turn(0, "Hi.", true);
    say("Sure", ",");
    assertThat(tts.last().sent).containsExactly("Sure", ",", "|");
  }

  @Test
  void theReplyEndsWhenTheStreamHasDeliveredAllItsAudioAndItPlayed() {
    turn(0, "Hi.", true);
    say("Hello", " there.");
    llm.last().finish();
    loop.runAll();
    tts.last().audio(8000);
    loop.runAll();
    assertThat(conversation.idle()).isFalse();

    tts.last().done();
    loop.runAll();
    speaker.playFrames(8000);
    loop.runAll();
    assertThat(conversation.idle()).isTrue();
    assertThat(events).filteredOn(AgentEvent.PlaybackDrained.class::isInstance).hasSize(1);
  }

  @Test
  void aBargeInCancelsTheStreamAndKeepsExactlyTheAlignedWordsThatPlayed() {
    turn(0, "Hi.", true);
    say("Hello", " there", " my", " friend,", " how", " are", " you");
    tts.last()
        .audio(32_000)
        .words(
            new SpokenWord("Hello", 0, 300),
            new SpokenWord("there", 300, 600),
            new SpokenWord("my", 600, 800),
            new SpokenWord("friend,", 800, 1200));
    loop.runAll();
    speaker.playFrames(11_200); // 700 ms at 16 kHz: in the middle of "my"

    turn(1, "Wait, stop", false); // pauses the reply
    turn(1, "Wait, stop.", true); // commits the interruption
    assertThat(tts.last().cancelled).isTrue();
    HistoryTruncated truncated =
        events.stream()
            .filter(HistoryTruncated.class::isInstance)
            .map(HistoryTruncated.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(truncated.heard()).isEqualTo("Hello there");
    assertThat(truncated.unheard()).isEqualTo("my friend, how are you");
    assertThat(llm.last().history)
        .containsExactly(
            ChatMessage.user("Hi."), ChatMessage.assistant("Hello there—"), ChatMessage.user("Wait, stop."));
  }
}
