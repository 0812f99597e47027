package dev.turntable.harness.cli;

import dev.turntable.agent.config.Environment;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.LiveRerecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Record a fixture anew against the real services (keys from the environment or ./.env),",
      "speaking an existing fixture's mic.wav at real time with its agent settings.",
      "Refused when CI=true: CI only replays."
    })
final class RecordCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FIXTURE", description = "The fixture whose microphone audio to speak.")
  Path from;

  @Option(names = "--out", required = true, paramLabel = "DIR", converter = Converters.NewFolder.class, description = "The new fixture folder (must not hold files).")
  Path out;

  @Mixin Verbosity verbosity;

  @Override
  public Integer call() throws Exception {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new UserException("record is refused in CI: CI only replays and never calls real services");
    }
    Fixture fixture = ReplayCommand.read(List.of(from)).get(0);
    LiveRerecord.run(fixture, Environment.load(), out, VersionProvider.version());
    System.out.println("recorded fixture " + out + " (replay it with: turntable replay " + out + ")");
    return 0;
  }
}
