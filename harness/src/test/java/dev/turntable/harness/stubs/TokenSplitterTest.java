package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TokenSplitterTest {
  @Test
  void splitsWordsWithLeadingSpacesAndPunctuationApart() {
    assertThat(TokenSplitter.split("Hi there, friend!")).containsExactly("Hi", " there", ",", " friend", "!");
  }

  @Test
  void cutsLongWordsIntoSubwordPieces() {
    assertThat(TokenSplitter.split("An extraordinary day"))
        .containsExactly("An", " extra", "ordin", "ary", " day");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hello.", "  Leading and trailing  ", "Don't stop—ever… 42 times?", "Ünïcödé wörds ok.", "a\nb\tc"})
  void piecesJoinBackToTheText(String text) {
    assertThat(String.join("", TokenSplitter.split(text))).isEqualTo(text);
  }
}
