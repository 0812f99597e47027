package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command answers a mistyped flag, a broken file or a missing folder with one line that names
 * the problem and exit code 2, before anything starts; never with a stack trace.
 */
class BadInputTest {
  private static final String FIXTURE = Path.of("..", "fixtures", "question-answer").toString();

  @TempDir static Path temp;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        TurntableCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path file(String name, String content) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  static Stream<Arguments> badInputs() throws Exception {
    Path brokenJson = file("broken.json", "{\"utterances\": [\n");
    Path unknownField = file("unknown.json", "{\"utterances\": [{\"text\": \"hi\", \"start_ms\": 0, \"end_ms\": 500}],\n \"speed\": 2}");
    Path badType = file("bad-type.json", "{\"user\": [{\"text\": \"hi\", \"at_ms\": \"soon\"}], \"agent\": [\"hello\"]}");
    Path noReplies = file("no-replies.json", "{\"user\": [{\"text\": \"hi\", \"at_ms\": 0}], \"agent\": []}");
    Path folder = Files.createDirectories(temp.resolve("empty-folder"));
    Path script = file("script.json", "{\"utterances\": [{\"text\": \"hi\", \"start_ms\": 0, \"end_ms\": 500}]}");
    Path fullFolder = Files.createDirectories(temp.resolve("full-folder"));
    Files.writeString(fullFolder.resolve("old.txt"), "a fixture recorded earlier");
    Path conversation = file("conversation.json", "{\"user\": [{\"text\": \"hi\", \"at_ms\": 0}], \"agent\": [\"hello\"]}");
    return Stream.of(
        Arguments.of(new String[] {"replay", "--speed", "fast"}, "--speed", "'fast' is not a number above 0"),
        Arguments.of(new String[] {"replay", "--speed", "0"}, "--speed", "or max"),
        Arguments.of(new String[] {"replay", "--sped", "4"}, "--sped", "did you mean --speed?"),
        Arguments.of(new String[] {"replay", temp.resolve("nowhere").toString()}, "nowhere", "no such fixture folder"),
        Arguments.of(new String[] {"replay", folder.toString()}, "empty-folder", "holds no fixtures"),
        Arguments.of(new String[] {"serve", "--script", brokenJson.toString()}, "broken.json: line 2", "not valid JSON"),
        Arguments.of(new String[] {"serve", "--script", unknownField.toString()}, "unknown field \"speed\"", "known fields: [description"),
        Arguments.of(new String[] {"serve", "--script", temp.resolve("none.json").toString()}, "none.json", "no such file"),
        Arguments.of(new String[] {"serve", "--script", folder.toString()}, "empty-folder", "is a folder, not a file"),
        Arguments.of(new String[] {"serve", "--fixture", folder.toString()}, "empty-folder/fixture.json", "missing"),
        Arguments.of(new String[] {"serve", "--port", "99999"}, "--port", "from 0 to 65535"),
        Arguments.of(new String[] {"serve", "--http-port", "-1"}, "--http-port", "from 0 to 65535"),
        Arguments.of(new String[] {"serve", "--speed", "-2"}, "--speed", "a number above 0"),
        Arguments.of(new String[] {"serve", "--fixture", FIXTURE, "--script", script.toString()}, "--fixture", "mutually exclusive"),
        Arguments.of(new String[] {"synthesize", brokenJson.toString(), "--out", "x"}, "broken.json:2:", "end-of-input"),
        Arguments.of(new String[] {"synthesize", badType.toString(), "--out", "x"}, "bad-type.json:1:", "user[0].at_ms: wrong type (expected a whole number)"),
        Arguments.of(new String[] {"synthesize", noReplies.toString(), "--out", "x"}, "no-replies.json", "at least one user line and one agent reply"),
        Arguments.of(new String[] {"synthesize", conversation.toString()}, "--out", "Missing required option"),
        Arguments.of(new String[] {"agent", "--preset", "quick"}, "--preset", "one of fast, balanced, patient"),
        Arguments.of(new String[] {"agent", "--llm", "gemini"}, "--llm", "one of openai, anthropic"),
        Arguments.of(new String[] {"agent", "--tts", "polly"}, "--tts", "one of elevenlabs, cartesia"),
        Arguments.of(new String[] {"agent", "--min-words", "two"}, "--min-words", "a whole number from 0"),
        Arguments.of(new String[] {"agent", "--grace-ms", "-5"}, "--grace-ms", "a whole number from 0"),
        Arguments.of(new String[] {"agent", "--buffer-ms", "0"}, "--buffer-ms", "above 0"),
        Arguments.of(new String[] {"agent", "--tts-sample-rate", "44"}, "--tts-sample-rate", "from 8000 to 48000 Hz"),
        Arguments.of(new String[] {"devices", "--sample-rate", "-1"}, "--sample-rate", "from 8000 to 48000 Hz"),
        Arguments.of(new String[] {"record", folder.toString()}, "--out", "Missing required option"),
        Arguments.of(new String[] {"serve", "--host", "999.1.1.1"}, "--host", "a host name or address"),
        Arguments.of(new String[] {"synthesize", conversation.toString(), "--out", fullFolder.toString()}, "full-folder", "already holds files"),
        Arguments.of(new String[] {"agent", "--record", fullFolder.toString()}, "full-folder", "already holds files"),
        Arguments.of(new String[] {"agent", "--record", conversation.toString()}, "conversation.json", "is a file, not a folder"),
        Arguments.of(new String[] {"repaly"}, "repaly", "did you mean replay"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsOneLineNamingTheProblem(String[] args, String names, String says) {
    Run run = run(args);

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err()).contains(names).contains(says).contains("turntable");
    assertThat(run.err().lines().filter(l -> !l.startsWith("  ")))
        .as("one line (a fixture's problems are listed indented under it)")
        .hasSize(1);
    assertThat(run.err()).doesNotContain("Exception").doesNotContainPattern("\\bat [a-z]+\\.");
    assertThat(run.out()).doesNotContain("Usage:");
  }

  @Test
  void aPortInUseIsNamedNotABug() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path script = file("busy.json", "{\"utterances\": [{\"text\": \"hi\", \"start_ms\": 0, \"end_ms\": 500}]}");
      Run run = run("serve", "--script", script.toString(), "--port", Integer.toString(busy.getLocalPort()));

      assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(UserErrorHandler.USER_ERROR);
      assertThat(run.err().strip()).hasLineCount(1)
          .contains("could not listen on 127.0.0.1:" + busy.getLocalPort()).doesNotContain("bug");
    }
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run run = run("serve", "--port", "99999", "-v");

    assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
    assertThat(run.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).contains("--port"));
    assertThat(run.err()).contains("ParameterException").contains("\tat picocli.");
  }
}
