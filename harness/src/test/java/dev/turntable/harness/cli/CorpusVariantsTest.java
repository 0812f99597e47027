package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.eval.Corpus;
import dev.turntable.harness.eval.CorpusEval;
import dev.turntable.harness.eval.EvalResult;
import dev.turntable.harness.eval.PolicyVariant;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.fixture.TurnLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusVariantsTest {
  private static final Path FIXTURES = Path.of("..", "fixtures");

  private static List<Fixture> sources() {
    return Corpus.read(Corpus.folders(List.of(
        FIXTURES.resolve("backchannels-mhm-uh-huh-yeah-okay-right"), FIXTURES.resolve("barge-in-wait-stop"))));
  }

  @Test
  void variantsAreValidLabelledFixturesWithTheirTurnsMovedAndBackchannelsSwapped(@TempDir Path out) throws Exception {
    List<Path> written = CorpusVariants.generate(sources(), 6, 7, out);

    assertThat(written).hasSize(6);
    boolean swapped = false;
    for (Path dir : written) {
      Fixture variant = FixtureReader.read(dir); // the reader checks each label against stt.jsonl
      List<TurnLabel> labels = TurnLabel.of(variant.manifest());
      assertThat(labels).isNotEmpty();
      assertThat(variant.agentEvents()).isEmpty();
      assertThat(variant.manifest().description()).contains("[variant: ");
      swapped |= labels.stream().anyMatch(l -> l.expect() == TurnLabel.Expect.IGNORE && !List.of(
          "Mhm.", "Uh-huh.", "Yeah.", "Okay.", "Right.").contains(l.text()));
    }
    assertThat(swapped).as("some backchannel was swapped for another").isTrue();
  }

  @Test
  void theSameSeedWritesTheSameCorpus(@TempDir Path a, @TempDir Path b) throws Exception {
    List<Path> first = CorpusVariants.generate(sources(), 3, 42, a);
    List<Path> second = CorpusVariants.generate(sources(), 3, 42, b);

    for (int i = 0; i < first.size(); i++) {
      assertThat(Files.readString(first.get(i).resolve("stt.jsonl")))
          .isEqualTo(Files.readString(second.get(i).resolve("stt.jsonl")));
      assertThat(Files.readString(first.get(i).resolve("fixture.json")))
          .isEqualTo(Files.readString(second.get(i).resolve("fixture.json")));
    }
  }

  @Test
  void aVariantScoresLikeItsSourceUnderTheDefaultPolicy(@TempDir Path out) throws Exception {
    List<Fixture> variants = Corpus.read(CorpusVariants.generate(sources(), 4, 3, out));

    EvalResult result = CorpusEval.replaying(2).run(variants, List.of(PolicyVariant.turntableDefault()));

    assertThat(result.variants().get(0).wrong()).isEmpty();
  }
}
