package dev.turntable.harness.cli;

import dev.turntable.harness.bench.Bench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the agent and the harness on this machine and print a table: agent overhead,",
      "voice-to-voice over WebSocket and HTTP TTS beside the floor and a sequential agent,",
      "barge-in stop latency, replay speed, release precision, mock capacity, memory."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "A smoke run for CI: fewer turns and sizes, under a minute.")
  boolean quick;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
  Path json;

  @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = "fixtures", description = "Where the bundled fixtures are (default: ${DEFAULT-VALUE}).")
  Path fixtures;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(fixtures)) {
      throw new UserException("fixtures folder " + fixtures.toAbsolutePath() + " not found: run from"
          + " the repository root or pass --fixtures DIR");
    }
    PrintWriter out = spec.commandLine().getOut();
    return new Bench(quick, fixtures, spec.commandLine().getErr()).report(out, json) ? 0 : 1;
  }
}
