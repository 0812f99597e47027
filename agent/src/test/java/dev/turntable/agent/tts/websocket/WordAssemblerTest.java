package dev.turntable.agent.tts.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.tts.SpokenWord;
import org.junit.jupiter.api.Test;

class WordAssemblerTest {
  @Test
  void aWordSpanningTwoAudioMessagesIsOneWordEndingWithItsLastCharacter() {
    WordAssembler words = new WordAssembler();
    add(words, "Hi there", 0);
    assertThat(words.take()).containsExactly(new SpokenWord("Hi", 0, 20));
    add(words, "friend", 80);
    assertThat(words.take()).isEmpty();
    assertThat(words.finish())
        .containsExactly(new SpokenWord("therefriend", 30, 140));
  }

  @Test
  void spacesEndWordsAndAreNotWords() {
    WordAssembler words = new WordAssembler();
    add(words, "  a  b ", 0);
    assertThat(words.finish()).extracting(SpokenWord::text).containsExactly("a", "b");
  }

  /** One character every 10 ms from {@code startMs}, each 10 ms long. */
  private static void add(WordAssembler words, String text, double startMs) {
    for (int i = 0; i < text.length(); i++) {
      double start = startMs + 10 * i;
      words.add(String.valueOf(text.charAt(i)), start, start + 10);
    }
  }
}
