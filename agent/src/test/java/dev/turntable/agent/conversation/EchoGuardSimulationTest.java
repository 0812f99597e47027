package dev.turntable.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.stt.SttEvent.Turn;
import dev.turntable.agent.stt.SttEvent.Word;
import dev.turntable.agent.turn.EchoGuard;
import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.agent.turn.SentenceChunker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The echo guard's false accepts (the agent's echo taken as a barge-in) and false rejects (a real
 * barge-in dropped) over simulated open-speaker sessions. The agent's words really last in
 * proportion to their length times a random factor (0.75–1.25) plus 90 ms, with 250 ms after each
 * sentence, while the guard only knows each sentence's audio length; the echo comes back 60 ms late
 * with ±100 ms of recognizer jitter, and 15% of echoed words are mis-recognized. Seeded: the
 * figures are the same on every run.
 */
class EchoGuardSimulationTest {
  private static final int RATE = 16_000;
  private static final String[] SENTENCES = {
    "The old town was founded in the twelfth century as a market by the river.",
    "Its walls were built a hundred years later, after a long war with the bishop.",
    "Would you like the window seat or the aisle seat on that flight?",
    "I can book a table for two at seven, or for four at eight thirty.",
    "Your order will arrive on Tuesday, and you can track it in the app.",
  };
  private static final String[] USER = {
    "Wait, stop.", "No.", "Can you repeat that?", "What about Thursday instead?",
    "Actually I want the aisle seat.", "Sorry, I didn't catch that.", "How much does it cost?",
    "Hold on a second.", "Make it four people.", "Is the museum open today?", "Yes, the window seat.",
    "I said for two.",
  };
  private static final String[] MISHEARD = {"a", "and", "that", "then", "band", "cold", "lore", "seen"};

  private record Spoken(String word, long startMs, long endMs) {}

  private final Random random = new Random(20261129);
  private final List<Spoken> spoken = new ArrayList<>();
  private final Reply reply = new Reply(1, new SentenceChunker(40, 220));
  private final PlaybackTimeline timeline = new PlaybackTimeline(RATE);

  private void speakAllSentences() {
    long at = 0;
    for (int s = 0; s < SENTENCES.length; s++) {
      long start = at;
      for (String word : SENTENCES[s].split(" ")) {
        long ms = Math.round((word.length() * 60 + 90) * (0.75 + random.nextDouble() * 0.5));
        spoken.add(new Spoken(word, at, at + ms));
        at += ms;
      }
      at += 250;
      reply.addAudio(s + 1, SENTENCES[s], (int) ((at - start) * RATE / 1000));
    }
    timeline.started(reply, 0, 0);
  }

  private Turn echo(int first, int count) {
    List<Word> words = new ArrayList<>();
    for (int i = first; i < first + count && i < spoken.size(); i++) {
      Spoken w = spoken.get(i);
      String text = random.nextDouble() < 0.15 ? MISHEARD[random.nextInt(MISHEARD.length)] : w.word();
      long delay = 60 + random.nextInt(201) - 100;
      words.add(new Word(text, w.startMs() + delay, w.endMs() + delay, 0.8, false));
    }
    return turn(words);
  }

  private Turn user(String phrase, long startMs) {
    List<Word> words = new ArrayList<>();
    long at = startMs;
    for (String word : phrase.split(" ")) {
      words.add(new Word(word, at, at + 280, 0.9, false));
      at += 300;
    }
    return turn(words);
  }

  private static Turn turn(List<Word> words) {
    return new Turn(1, String.join(" ", words.stream().map(Word::text).toList()), false, words);
  }

  private long randomMomentMs() {
    return random.nextInt((int) spoken.get(spoken.size() - 1).endMs() - 2_000);
  }

  @Test
  void falseAcceptsAndFalseRejects() {
    speakAllSentences();
    TurnJudge guarded = new TurnJudge(InterruptionPolicy.defaults(), EchoGuard.on(), timeline);
    TurnJudge unguarded = new TurnJudge(InterruptionPolicy.defaults(), EchoGuard.off(), timeline);

    int echoes = 400;
    int falseAccepts = 0;
    int falseAcceptsUnguarded = 0;
    for (int i = 0; i < echoes; i++) {
      Turn turn = echo(random.nextInt(spoken.size()), 1 + random.nextInt(6));
      boolean accepted = guarded.judge(turn, turn.transcript(), 0, 0).interrupts();
      falseAccepts += accepted ? 1 : 0;
      if (accepted && System.getenv("ECHO_DEBUG") != null) {
        System.out.println("  accepted echo: " + turn.words());
      }
      falseAcceptsUnguarded += unguarded.judge(turn, turn.transcript(), 0, 0).interrupts() ? 1 : 0;
    }

    int bargeIns = 0;
    int falseRejects = 0;
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Turn turn = user(USER[random.nextInt(USER.length)], randomMomentMs());
      bargeIns++;
      InterruptionRule rule = guarded.judge(turn, turn.transcript(), 0, 0);
      if (!rule.interrupts()) {
        falseRejects++;
        rejected.add(turn.transcript() + " (" + rule + ")");
      }
    }
    // The hard case: the user repeats 2-3 of the agent's words 300 ms to 3 s after it said them.
    int repeats = 0;
    int repeatRejects = 0;
    for (int i = 0; i < 200; i++) {
      int first = random.nextInt(spoken.size() - 3);
      int count = 2 + random.nextInt(2);
      StringBuilder phrase = new StringBuilder();
      for (int w = first; w < first + count; w++) {
        phrase.append(w == first ? "" : " ").append(spoken.get(w).word());
      }
      Turn turn = user(phrase.toString(), spoken.get(first).startMs() + 300 + random.nextInt(2_700));
      if (InterruptionPolicy.defaults().evaluate(turn.transcript(), true).interrupts()) {
        repeats++;
        repeatRejects += guarded.judge(turn, turn.transcript(), 0, 0).interrupts() ? 0 : 1;
      }
    }

    System.out.printf(
        "echo guard over simulated sessions: false accepts %d of %d echo turns (guard off: %d);"
            + " false rejects %d of %d barge-ins; user repeating the agent's words: %d of %d rejected%n",
        falseAccepts, echoes, falseAcceptsUnguarded, falseRejects, bargeIns, repeatRejects, repeats);
    rejected.stream().distinct().forEach(r -> System.out.println("  rejected: " + r));
    assertThat(falseAccepts).isLessThan(falseAcceptsUnguarded / 5);
    assertThat(falseRejects).isLessThanOrEqualTo(bargeIns / 20);
  }
}
