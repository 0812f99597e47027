package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
  private static final Path FIXTURES = Path.of("..", "fixtures");

  private record Run(int code, String out, String err) {}

  private static Run inspect(String... paths) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TurntableCommand.commandLine()
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    String[] args = new String[paths.length + 1];
    args[0] = "inspect";
    System.arraycopy(paths, 0, args, 1, paths.length);
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheSummaryAndTheTimelineWithLabels() {
    Run run = inspect(FIXTURES.resolve("backchannel-while-speaking").toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("backchannel-while-speaking: valid")
        .contains("the user says 'mhm' while the agent speaks")
        .contains("labels       2 turns: 1 ignore, 1 ordinary")
        .contains("stt      turn 1 final: \"Mhm.\"   [label: ignore]")
        .contains("barge-in ignored (backchannel only): \"Mhm.\"")
        .contains("1 fixtures, 1 valid, 0 invalid");
  }

  @Test
  void everyBundledFixtureValidates() {
    Run run = inspect(FIXTURES.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("INVALID");
  }

  @Test
  void aBrokenFixtureExitsNonZeroNamingFileAndLine(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("broken");
    PathUtils.copyDirectory(FIXTURES.resolve("backchannel-while-speaking"), dir);
    Path manifest = dir.resolve("fixture.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"expect\" : \"ignore\"", "\"expect\" : \"skip\""));

    Run run = inspect(dir.toString(), FIXTURES.resolve("question-answer").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).containsPattern("broken/fixture.json:\\d+: expected.labels\\[1\\].expect is \"skip\"");
    assertThat(run.out()).contains("broken: INVALID").contains("question-answer: valid")
        .contains("2 fixtures, 1 valid, 1 invalid");
  }
}
