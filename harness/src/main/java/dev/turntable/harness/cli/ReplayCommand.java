package dev.turntable.harness.cli;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureException;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayResult;
import dev.turntable.harness.replay.ReplaySpeed;
import dev.turntable.harness.replay.ReplayClock;
import dev.turntable.harness.replay.ReplayOptions;
import dev.turntable.harness.report.HtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay fixtures through the mock AssemblyAI server and the LLM/TTS stubs against the real",
      "agent, then check turn timing and barge-in decisions. No keys, no network.",
      "Exit code 1 when a check fails."
    })
final class ReplayCommand implements Callable<Integer> {
  static final Path DEFAULT_FIXTURES = Path.of("fixtures");

  @Parameters(paramLabel = "FIXTURE", arity = "0..*", description = "Fixture folders, or folders of fixtures (default: ./fixtures).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--clock", defaultValue = "virtual", paramLabel = "virtual|wire", converter = ClockConverter.class, description = "virtual: in-process services on a discrete-event clock, deterministic and thousands of times faster than real time. wire: the mock AssemblyAI server and the stubs over real sockets, through the real adapters, at --speed (default: ${DEFAULT-VALUE}).")
  ReplayClock clock;

  @Option(names = "--speed", defaultValue = "1", paramLabel = "N|max", converter = Converters.SpeedOrMax.class, description = "Wire replays only: N times faster than real time, or 'max': the fastest speed whose verdicts equal the virtual-time replay's (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report with a timeline per session.")
  Path report;

  @Option(names = "--quiet", description = "Only the verdict table.")
  boolean quiet;

  @Mixin Verbosity verbosity;

  @Option(names = "--aec", paramLabel = "on|off", defaultValue = "off", converter = AgentCommand.AecConverter.class, description = "on: run the echo canceller on what the microphone heard (mic-raw.wav, or mic.wav of a fixture recorded without it) against what the replayed agent plays. off: send mic.wav as recorded (default: ${DEFAULT-VALUE}).")
  EchoMode.Setting aec;

  @Override
  public Integer call() throws Exception {
    List<Fixture> fixtures = read(paths.isEmpty() ? List.of(DEFAULT_FIXTURES) : paths);
    PrintStream out = System.out;
    List<ReplayResult> results = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      ReplayResult result = replay(fixture, out);
      results.add(result);
      if (!quiet) {
        ReplayPrinter.printSession(out, result);
      }
    }
    ReplayPrinter.printVerdicts(out, results);
    if (report != null) {
      Path index = HtmlReport.write(report, "Turntable replay", ReplayPrinter.reportSessions(results));
      out.println("report: " + index);
    }
    return results.stream().allMatch(r -> r.verdict().passed()) ? 0 : 1;
  }

  private ReplayResult replay(Fixture fixture, PrintStream out) throws Exception {
    if (clock == ReplayClock.VIRTUAL) {
      if (!speed.equals("1")) {
        throw new UserException("--speed applies to wire replays: add --clock wire (virtual time"
            + " runs as fast as the agent's own work)");
      }
      if (aec == EchoMode.Setting.ON) {
        throw new UserException("--aec on replays through the live audio path: add --clock wire");
      }
      return FixtureReplay.run(fixture, ReplayOptions.virtual());
    }
    if (!speed.equalsIgnoreCase("max")) {
      return FixtureReplay.run(fixture, ReplayOptions.wire(ReplaySpeed.parse(speed))
          .withEchoCancellation(aec == EchoMode.Setting.ON));
    }
    ReplaySpeed.Search search = ReplaySpeed.fastestIdentical(fixture);
    out.printf("%s: fastest wire speed with the virtual-time replay's verdicts: %sx (tried %s)%n",
        fixture.dir().getFileName(), ReplaySpeed.format(search.best().speed()), search.tried());
    return search.best();
  }

  static final class ClockConverter implements picocli.CommandLine.ITypeConverter<ReplayClock> {
    @Override
    public ReplayClock convert(String value) {
      return ReplayClock.parse(value);
    }
  }

  /** Each path is a fixture (it has fixture.json) or a folder whose subfolders are fixtures. */
  static List<Fixture> read(List<Path> paths) throws IOException {
    List<Fixture> fixtures = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        throw new UserException(path + ": no such fixture folder");
      }
      if (Files.exists(path.resolve("fixture.json"))) {
        fixtures.add(readOne(path));
        continue;
      }
      try (Stream<Path> children = Files.list(path)) {
        List<Path> dirs =
            children.filter(d -> Files.exists(d.resolve("fixture.json"))).sorted().toList();
        if (dirs.isEmpty()) {
          throw new UserException(path + ": holds no fixtures (folders with a fixture.json)");
        }
        for (Path dir : dirs) {
          fixtures.add(readOne(dir));
        }
      }
    }
    return fixtures;
  }

  private static Fixture readOne(Path dir) {
    try {
      return FixtureReader.read(dir);
    } catch (FixtureException e) {
      throw new UserException(e.getMessage());
    }
  }
}
