package dev.turntable.agent.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceChunkerTest {
  private final SentenceChunker chunker = new SentenceChunker(40, 220);

  private List<String> feed(String... deltas) {
    List<String> out = new ArrayList<>();
    for (String d : deltas) {
      out.addAll(chunker.add(d));
    }
    String rest = chunker.flush();
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  @Test
  void firstSentenceIsReadyBeforeTheReplyEnds() {
    assertThat(chunker.add("Sure")).isEmpty();
    assertThat(chunker.add(".")).isEmpty();
    assertThat(chunker.add(" I can")).containsExactly("Sure.");
    assertThat(chunker.add(" help")).isEmpty();
    assertThat(chunker.flush()).isEqualTo("I can help");
  }

  @Test
  void splitsSentencesAcrossDeltas() {
    assertThat(feed("Hello there! How", " are you? I'm", " fine."))
        .containsExactly("Hello there!", "How are you?", "I'm fine.");
  }

  @Test
  void doesNotSplitAbbreviationsOrDecimals() {
    assertThat(feed("Dr. Smith paid 3.5 dollars, e.g. today. Done."))
        .containsExactly("Dr. Smith paid 3.5 dollars, e.g. today.", "Done.");
  }

  @Test
  void longClausesBreakAtCommas() {
    assertThat(feed("The weather in the city tomorrow looks fine, with a light breeze in the"
            + " afternoon and clear skies"))
        .containsExactly(
            "The weather in the city tomorrow looks fine,",
            "with a light breeze in the afternoon and clear skies");
  }

  @Test
  void shortClausesWaitForMore() {
    assertThat(feed("Yes, of course, right away.")).containsExactly("Yes, of course, right away.");
  }

  @Test
  void runOnTextIsCutAtASpace() {
    String words = "word ".repeat(60);
    List<String> pieces = feed(words);
    assertThat(pieces).hasSizeGreaterThan(1);
    assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(220));
    assertThat(String.join(" ", pieces)).isEqualTo(words.strip());
  }
}
