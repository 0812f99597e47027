package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.stt.SttEvent.Word;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.time.ManualLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation on fakes and a hand-driven loop and clock. Stream time starts at 0 when the
 * conversation is created; the rig moves it to 10 s so word timestamps are never negative. Turns
 * carry word timestamps on that axis, as AssemblyAI's do.
 */
final class ConversationRig {
  static final int FRAMES_PER_MS = FakeSynthesizer.FORMAT.sampleRate() / 1000;
  /** How long after a turn's last word its transcript arrives, unless a test says otherwise. */
  static final long TRANSCRIPT_LAG_MS = 200;
  static final long WORD_MS = 300;

  final ManualClock clock = new ManualClock();
  final ManualLoop loop = new ManualLoop(clock);
  final FakeChatModel llm = new FakeChatModel();
  final FakeSynthesizer tts = new FakeSynthesizer();
  final FakeSpeaker speaker = new FakeSpeaker(clock::millis);
  final List<AgentEvent> events = new ArrayList<>();
  final Conversation conversation;

  ConversationRig() {
    this(ConversationSettings.defaults());
  }

  ConversationRig(ConversationSettings settings) {
    conversation = new Conversation(settings, llm, tts, speaker, loop, clock, List.of(events::add));
    speaker.setListener(e -> loop.execute(() -> conversation.onPlayback(e)));
    clock.advanceMillis(10_000);
  }

  long nowMs() {
    return conversation.nowMs();
  }

  /** A transcript whose words ended {@link #TRANSCRIPT_LAG_MS} ago, {@link #WORD_MS} each. */
  void turn(int order, String text, boolean endOfTurn) {
    String[] words = text.strip().split("\\s+");
    turnFrom(order, text, endOfTurn, nowMs() - TRANSCRIPT_LAG_MS - WORD_MS * words.length);
  }

  /** A transcript whose first word began at {@code firstWordMs} on the stream's axis. */
  void turnFrom(int order, String text, boolean endOfTurn, long firstWordMs) {
    List<Word> words = new ArrayList<>();
    long at = firstWordMs;
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(new Word(word, at, at + WORD_MS - 20, 0.9, endOfTurn));
      }
      at += WORD_MS;
    }
    stt(new SttEvent.TurnUpdate(new Turn(order, text, endOfTurn, words)));
  }

  /** A transcript of words given as "word@ms" on the stream's axis. */
  void turnWords(int order, boolean endOfTurn, String... wordsAtMs) {
    List<Word> words = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String spec : wordsAtMs) {
      String[] wordAt = spec.split("@");
      long at = Long.parseLong(wordAt[1]);
      words.add(new Word(wordAt[0], at, at + 250, 0.9, endOfTurn));
      texts.add(wordAt[0]);
    }
    stt(new SttEvent.TurnUpdate(new Turn(order, String.join(" ", texts), endOfTurn, words)));
  }

  /** When the first reply's audio began to play, on the stream's axis. */
  long firstPlaybackMs() {
    return (long) eventsOf(AgentEvent.PlaybackStarted.class).get(0).atMillis();
  }

  void stt(SttEvent event) {
    loop.execute(() -> conversation.onStt(event));
    run();
  }

  void run() {
    loop.runAll();
  }

  /** Moves time on by {@code ms} while the speaker plays that much of what is queued. */
  void play(long ms) {
    speaker.playFrames(1); // Started, at the start of the span
    run();
    loop.advance(ms);
    speaker.playFrames(ms * FRAMES_PER_MS - 1);
    run();
  }

  /** Moves time on with the speaker silent or paused. */
  void waitMs(long ms) {
    loop.advance(ms);
  }

  /** "Hi." answered with "Hello there, I am the agent. How can I help you today?"; 1 s played. */
  void agentIsSpeaking() {
    turn(0, "Hi.", true);
    llm.last().say("Hello there, I am the agent. ").say("How can I help you today?");
    run();
    tts.last().audio(4 * 16_000).done(); // 4 s of audio for the first sentence
    run();
    play(1_000);
    assertThat(conversation.state()).isEqualTo(AgentState.SPEAKING);
  }

  /** Completes that reply and plays all of it. */
  void agentFinishesSpeaking() {
    llm.last().finish();
    run();
    tts.last().audio(2 * 16_000).done();
    run();
    play(speaker.pendingFrames() / FRAMES_PER_MS);
    assertThat(conversation.idle()).isTrue();
  }

  <T extends AgentEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
