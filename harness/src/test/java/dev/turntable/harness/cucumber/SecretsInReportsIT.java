package dev.turntable.harness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import dev.turntable.harness.cli.TurntableCommand;
import dev.turntable.harness.replay.MockServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Replays hand the agent {@link MockServices#PLACEHOLDER_KEY} as every service's key. That key
 * must not reach the console, the logs, the HTML report or Cucumber's HTML and JSON reports.
 */
@ResourceLock(SharedResources.CORE_2)
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SecretsInReportsIT {
  private static final String KEY = MockServices.PLACEHOLDER_KEY;
  private static final String FIRST_EXAMPLE = "../features/turn-timing/response.feature:13";

  @TempDir Path reports;

  @Test
  void theKeyReachesNoReportConsoleOrLog() throws Exception {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream(); // logs go to stderr
    try (PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setOut(captured);
      System.setErr(captured);
      byte cucumber = io.cucumber.core.cli.Main.run(new String[] {
          "--glue", "dev.turntable.harness.cucumber",
          "--plugin", "html:" + reports.resolve("cucumber.html"),
          "--plugin", "json:" + reports.resolve("cucumber.json"),
          "--plugin", "pretty", FIRST_EXAMPLE}, getClass().getClassLoader());
      StringWriter cliOut = new StringWriter();
      int replay = TurntableCommand.commandLine()
          .setOut(new PrintWriter(cliOut, true)).setErr(new PrintWriter(cliOut, true))
          .execute("replay", "../fixtures/question-answer", "--report", reports.resolve("html").toString());
      captured.flush();
      console.writeBytes(cliOut.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(cucumber).as("cucumber's exit status; console:%n%s", console).isZero();
      assertThat(replay).as("replay's exit code; console:%n%s", console).isZero();
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }

    List<Path> files;
    try (Stream<Path> all = Files.walk(reports)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("cucumber.html", "cucumber.json", "index.html");
    for (Path file : files) {
      assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(KEY);
    }
    assertThat(console.toString(StandardCharsets.UTF_8)).as("console and log output")
        .contains("passed") // the replay's verdicts, so the output was captured
        .doesNotContain(KEY);
  }
}
