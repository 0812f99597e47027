package dev.turntable.agent.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a streaming LLM reply into speakable pieces so TTS can start on the first sentence while the
 * LLM is still writing the rest. A piece ends at a sentence end (. ! ? followed by a space), or at a
 * clause break (, ; : followed by a space) once it is long enough to sound natural on its own, or at
 * the last space when it grows past {@code maxChars} without any punctuation.
 */
public final class SentenceChunker {
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+[\"')\\]]*\\s");
  private static final Pattern CLAUSE_END = Pattern.compile("[,;:—–]\\s");
  private static final Set<String> ABBREVIATIONS =
      Set.of("mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "jr", "sr", "prof");

  private final int clauseMinChars;
  private final int maxChars;
  private final StringBuilder pending = new StringBuilder();

  public SentenceChunker(int clauseMinChars, int maxChars) {
    if (clauseMinChars < 1 || maxChars <= clauseMinChars) {
      throw new IllegalArgumentException("need 1 <= clauseMinChars < maxChars");
    }
    this.clauseMinChars = clauseMinChars;
    this.maxChars = maxChars;
  }

  public SentenceChunker() {
    this(40, 220);
  }

  /** Adds streamed text and returns the pieces that are now complete, in order. */
  public List<String> add(String delta) {
    pending.append(delta);
    List<String> pieces = new ArrayList<>();
    for (int cut = nextCut(); cut > 0; cut = nextCut()) {
      String piece = pending.substring(0, cut).strip();
      pending.delete(0, cut);
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
    }
    return pieces;
  }

  /** Returns whatever is left when the reply is complete, or an empty string. */
  public String flush() {
    String rest = pending.toString().strip();
    pending.setLength(0);
    return rest;
  }

  private int nextCut() {
    Matcher sentence = SENTENCE_END.matcher(pending);
    while (sentence.find()) {
      if (!endsWithAbbreviation(sentence.start())) {
        return sentence.end();
      }
    }
    if (pending.length() >= clauseMinChars) {
      Matcher clause = CLAUSE_END.matcher(pending);
      int cut = -1;
      while (clause.find()) {
        if (clause.start() + 1 >= clauseMinChars) {
          cut = clause.end();
          break;
        }
      }
      if (cut > 0) {
        return cut;
      }
    }
    if (pending.length() > maxChars) {
      int space = pending.lastIndexOf(" ", maxChars);
      return space > 0 ? space + 1 : maxChars;
    }
    return -1;
  }

  /** "Dr. Smith" or "e.g. this" must not end a sentence. */
  private boolean endsWithAbbreviation(int dotIndex) {
    int start = dotIndex;
    while (start > 0 && !Character.isWhitespace(pending.charAt(start - 1))) {
      start--;
    }
    String word = pending.substring(start, dotIndex).toLowerCase(java.util.Locale.ROOT);
    return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
  }
}
