package dev.turntable.harness.cli;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureException;
import dev.turntable.harness.fixture.FixtureReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Validate fixtures and print each one's summary and timeline: user turns with their labels,",
      "the agent's replies and barge-in decisions, at audio time. Exit code 1 when a fixture has a",
      "problem; each problem names its file and line."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FIXTURE", arity = "1..*", description = "Fixture folders, or folders of fixtures.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int invalid = 0;
    List<Path> dirs = EvalCommand.folders(paths);
    for (Path dir : dirs) {
      try {
        Fixture fixture = FixtureReader.read(dir);
        FixtureSummary.print(out, fixture);
      } catch (FixtureException e) {
        invalid++;
        out.printf("%n== %s: INVALID%n", dir);
        e.problems().forEach(err::println);
      }
    }
    out.printf("%n%d fixtures, %d valid, %d invalid%n", dirs.size(), dirs.size() - invalid, invalid);
    out.flush();
    return invalid == 0 ? 0 : 1;
  }
}
