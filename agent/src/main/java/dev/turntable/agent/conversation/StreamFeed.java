package dev.turntable.agent.conversation;

import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.turn.SentenceChunker;
import java.util.regex.Pattern;

/**
 * Feeds one reply's LLM tokens into a streaming TTS the moment they arrive, and says when to
 * flush. The service's own chunk schedule decides the rest; the agent flushes only where waiting
 * would cost time the user hears: after the first few words (so speech starts near the first
 * token instead of after the first sentence) and at each sentence or long clause the chunker
 * finds (so a short sentence is never held back waiting for the schedule's character count).
 */
final class StreamFeed {
  /** Words that make a first phrase worth speaking on its own. */
  static final int FIRST_FLUSH_WORDS = 2;
  private static final Pattern BREAK = Pattern.compile("[.!?…,;:—–]");

  private final TextStream stream;
  private final SentenceChunker chunker;
  private final StringBuilder written = new StringBuilder();
  private boolean flushedOnce;

  StreamFeed(TextStream stream, SentenceChunker chunker) {
    this.stream = stream;
    this.chunker = chunker;
  }

  TextStream stream() {
    return stream;
  }

  void add(String delta) {
    // A delta starting with a space means the text so far ends on a whole word.
    if (!flushedOnce && startsWord(delta) && completeWords() >= FIRST_FLUSH_WORDS) {
      flush();
    }
    written.append(delta);
    stream.append(delta);
    boolean phraseEnded = !chunker.add(delta).isEmpty();
    if (phraseEnded || (!flushedOnce && BREAK.matcher(delta).find())) {
      flush();
    }
  }

  void finish() {
    stream.finish();
  }

  private void flush() {
    flushedOnce = true;
    stream.flush();
  }

  private static boolean startsWord(String delta) {
    return !delta.isEmpty() && Character.isWhitespace(delta.charAt(0));
  }

  private int completeWords() {
    String text = written.toString().strip();
    return text.isEmpty() ? 0 : text.split("\\s+").length;
  }
}
