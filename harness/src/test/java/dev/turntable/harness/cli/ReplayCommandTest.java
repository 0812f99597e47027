package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad fixtures are refused before anything runs, naming the file and line. */
class ReplayCommandTest {
  private static final Path FIXTURE = Path.of("..", "fixtures", "question-answer");

  private String run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = TurntableCommand.commandLine().setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(UserErrorHandler.USER_ERROR);
    return err.toString();
  }

  private Path copy(Path temp) throws Exception {
    Path dir = temp.resolve("broken");
    PathUtils.copyDirectory(FIXTURE, dir);
    return dir;
  }

  @Test
  void aBrokenSttLineIsNamedByFileAndLine(@TempDir Path temp) throws Exception {
    Path dir = copy(temp);
    Path stt = dir.resolve("stt.jsonl");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(stt));
    int turn = 0;
    while (!lines.get(turn).contains("\"type\":\"Turn\"")) {
      turn++;
    }
    lines.set(turn, lines.get(turn).replace("\"turn_order\":", "\"turn_number\":"));
    Files.write(stt, lines);

    assertThat(run("replay", dir.toString()))
        .contains("stt.jsonl:" + (turn + 1) + ": ")
        .contains("turn_order");
  }

  @Test
  void aTruncatedMicWavIsRefused(@TempDir Path temp) throws Exception {
    Path dir = copy(temp);
    Path mic = dir.resolve("mic.wav");
    byte[] wav = Files.readAllBytes(mic);
    Files.write(mic, java.util.Arrays.copyOf(wav, wav.length / 2));

    assertThat(run("replay", dir.toString())).contains("mic.wav: truncated");
  }

  @Test
  void aFolderWithoutFixturesIsRefused(@TempDir Path temp) {
    assertThat(run("replay", temp.toString())).contains("holds no fixtures");
  }
}
