package dev.turntable.agent.tts.websocket;

import dev.turntable.agent.tts.SpokenWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds words from character-level alignment (ElevenLabs sends each character with its start
 * time and duration). A word can span two audio messages, so the one in progress is kept until a
 * space ends it or the stream does.
 */
public final class WordAssembler {
  private final StringBuilder word = new StringBuilder();
  private double wordStart;
  private double wordEnd;
  private final List<SpokenWord> done = new ArrayList<>();

  /** One character, its times in milliseconds from the start of the stream's audio. */
  public void add(String character, double startMs, double endMs) {
    if (character.isBlank()) {
      endWord();
      return;
    }
    if (word.length() == 0) {
      wordStart = startMs;
    }
    word.append(character);
    wordEnd = Math.max(wordEnd, endMs);
  }

  /** Words completed since the last call. */
  public List<SpokenWord> take() {
    List<SpokenWord> words = List.copyOf(done);
    done.clear();
    return words;
  }

  /** The stream ended: the word in progress is complete too. */
  public List<SpokenWord> finish() {
    endWord();
    return take();
  }

  private void endWord() {
    if (word.length() > 0) {
      done.add(new SpokenWord(word.toString(), wordStart, Math.max(wordStart, wordEnd)));
      word.setLength(0);
      wordEnd = 0;
    }
  }
}
