package dev.turntable.harness.cli;

import dev.turntable.harness.eval.Corpus;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "vary",
    mixinStandardHelpOptions = true,
    description = {
      "Grow a labelled corpus for scale figures: write --count variants of the labelled fixtures,",
      "each with the turns heard while the agent speaks moved by up to 150 ms and backchannels",
      "swapped for others ('Mhm.' → 'Uh-huh.'). Only text changes; mic.wav is hard-linked."
    })
final class VaryCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FIXTURE", arity = "0..*", description = "Fixture folders, or folders of fixtures (default: ./fixtures).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--count", required = true, paramLabel = "N", description = "How many variants to write.")
  int count;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write them (must be empty or absent).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The same seed writes the same corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new UserException("--count must be at least 1, got " + count);
    }
    if (Files.isDirectory(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new UserException(out + ": not empty; give a new folder");
        }
      }
    }
    List<Fixture> sources;
    try {
      sources = Corpus.read(EvalCommand.folders(paths.isEmpty() ? List.of(ReplayCommand.DEFAULT_FIXTURES) : paths));
    } catch (FixtureException e) {
      throw new UserException(e.getMessage());
    }
    List<Path> written;
    try {
      written = CorpusVariants.generate(sources, count, seed, out);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    System.out.printf("wrote %d fixtures to %s%n", written.size(), out);
    return 0;
  }
}
