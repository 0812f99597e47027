package dev.turntable.harness.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits reply text into pieces shaped like LLM tokens: a word with its leading space, long
 * words in pieces of a few letters, punctuation on its own. Joining the pieces gives back the
 * text exactly.
 */
final class TokenSplitter {
  private static final Pattern PIECE = Pattern.compile("\\s*[\\p{L}\\p{N}']+|\\s*[^\\p{L}\\p{N}'\\s]|\\s+");
  private static final int LONG_WORD = 8;
  private static final int WORD_PIECE = 5;

  private TokenSplitter() {}

  static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher matcher = PIECE.matcher(text);
    while (matcher.find()) {
      addWord(matcher.group(), pieces);
    }
    return List.copyOf(pieces);
  }

  private static void addWord(String word, List<String> pieces) {
    if (word.strip().length() <= LONG_WORD) {
      pieces.add(word);
      return;
    }
    // Real tokenizers cut long words into sub-word pieces; the first keeps the leading space.
    int leading = word.length() - word.stripLeading().length();
    int start = 0;
    int end = leading + WORD_PIECE;
    while (end < word.length()) {
      pieces.add(word.substring(start, end));
      start = end;
      end = start + WORD_PIECE;
    }
    pieces.add(word.substring(start));
  }
}
