package dev.turntable.harness.mockstt;

import dev.turntable.harness.mockstt.TurnMessages.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * One utterance becoming one turn: {@code SpeechStarted}, an early partial for long speech, a
 * partial at the first silence check if the text does not end a sentence, and the final. Each
 * message is released when the audio reaches the point u3 would send it.
 */
final class ScriptedTurn {
  /** The timing in force at this moment (turn silences may change mid-session). */
  record Timing(long minSilenceMs, long maxSilenceMs, long speechStartedDelayMs,
      long earlyPartialAfterMs, long nextSpeechStartMs) {}

  /** Where the turn's messages go: released at a due audio position, or sent at once. */
  interface Output {
    void release(boolean endOfTurn, List<Word> words, long dueAudioMs);

    void releaseSpeechStarted(long timestampMs, long dueAudioMs);

    void sendSpeechStarted(long timestampMs);

    void sendFinal(List<Word> words);
  }

  private final Utterance utterance;
  private final List<Word> words;
  private boolean speechStarted;
  private boolean earlyPartialDone;
  private boolean silencePartialDone;
  private boolean finished;

  ScriptedTurn(Utterance utterance) {
    this.utterance = utterance;
    this.words = spreadEvenly(utterance);
  }

  long startMs() {
    return utterance.startMs();
  }

  boolean finished() {
    return finished;
  }

  /** Releases everything due once {@code audioMs} of audio has arrived. */
  void advance(long audioMs, Timing timing, Output out) {
    long speechStartedDue = utterance.startMs() + timing.speechStartedDelayMs();
    if (!speechStarted && audioMs >= speechStartedDue) {
      out.releaseSpeechStarted(utterance.startMs(), speechStartedDue);
      speechStarted = true;
    }
    if (!speechStarted || finished) {
      return;
    }
    releaseEarlyPartial(audioMs, timing, out);
    long end = utterance.endMs();
    boolean sentence = utterance.endsSentence();
    long finalDue = Math.min(end + (sentence ? timing.minSilenceMs() : timing.maxSilenceMs()),
        Math.max(end, timing.nextSpeechStartMs()));
    long silenceCheck = end + timing.minSilenceMs();
    if (!sentence && !silencePartialDone && silenceCheck < finalDue && audioMs >= silenceCheck) {
      out.release(false, words, silenceCheck);
      silencePartialDone = true;
    }
    if (audioMs >= finalDue) {
      out.release(true, words, finalDue);
      finished = true;
    }
  }

  private void releaseEarlyPartial(long audioMs, Timing timing, Output out) {
    long after = timing.earlyPartialAfterMs();
    long due = utterance.startMs() + after;
    boolean longSpeech = utterance.endMs() - utterance.startMs() > after;
    if (earlyPartialDone || after == 0 || !longSpeech || audioMs < due) {
      return;
    }
    earlyPartialDone = true;
    List<Word> heard = wordsHeardBy(due);
    if (!heard.isEmpty()) {
      out.release(false, heard, due);
    }
  }

  /**
   * Ends the turn now with the words heard so far ({@code ForceEndpoint} or {@code Terminate}); the
   * rest of the utterance is dropped. Does nothing if no word has been heard yet.
   */
  void endNow(long audioMs, Output out) {
    List<Word> heard = wordsHeardBy(audioMs);
    if (finished || heard.isEmpty()) {
      return;
    }
    if (!speechStarted) {
      out.sendSpeechStarted(utterance.startMs());
      speechStarted = true;
    }
    out.sendFinal(heard);
    finished = true;
  }

  private List<Word> wordsHeardBy(long audioMs) {
    return words.stream().filter(w -> w.endMs() <= audioMs).toList();
  }

  private static List<Word> spreadEvenly(Utterance utterance) {
    String[] texts = utterance.text().strip().split("\\s+");
    long start = utterance.startMs();
    long span = utterance.endMs() - start;
    List<Word> words = new ArrayList<>(texts.length);
    for (int i = 0; i < texts.length; i++) {
      words.add(new Word(texts[i], start + span * i / texts.length,
          start + span * (i + 1) / texts.length));
    }
    return List.copyOf(words);
  }
}
