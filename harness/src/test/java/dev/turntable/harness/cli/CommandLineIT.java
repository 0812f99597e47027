package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The shaded jar, run as a user runs it, in a folder with no .env and an environment with no keys. */
@ResourceLock(SharedResources.CORE_2)
class CommandLineIT {
  private static final Path JAR = Path.of("target", "turntable.jar").toAbsolutePath();

  record Run(int exitCode, String out, String err) {}

  static Run run(Path workDir, Map<String, String> extraEnv, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_VOICE_ID"));
    env.putAll(extraEnv);
    Path out = Files.createTempFile("turntable-out", ".txt");
    Path err = Files.createTempFile("turntable-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out waiting for turntable " + String.join(" ", args));
    }
    try {
      return new Run(process.exitValue(), read(out), read(err));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void agentWithoutKeysNamesTheMissingVariables(@TempDir Path dir) throws Exception {
    Run run = run(dir, Map.of(), "agent");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("missing ASSEMBLYAI_API_KEY, OPENAI_API_KEY, ELEVENLABS_API_KEY, ELEVENLABS_VOICE_ID");

    Run other = run(dir, Map.of("OPENAI_API_KEY", "set"), "agent", "--llm", "anthropic", "--tts", "cartesia");
    assertThat(other.err()).contains("missing ASSEMBLYAI_API_KEY, ANTHROPIC_API_KEY, CARTESIA_API_KEY");
  }

  @Test
  void keysInDotEnvAreReadAndNeverPrinted(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".env"), "ASSEMBLYAI_API_KEY=secret-aai-value\n");
    Run run = run(dir, Map.of(), "agent");
    assertThat(run.err()).contains("missing OPENAI_API_KEY").doesNotContain("ASSEMBLYAI_API_KEY,");
    assertThat(run.out() + run.err()).doesNotContain("secret-aai-value");
  }

  @Test
  void replayWithoutArgumentsReplaysTheBundledFixturesOnVirtualTime(@TempDir Path dir) throws Exception {
    Path project = Path.of("..").toAbsolutePath().normalize();
    Run run = run(project, Map.of(), "replay", "--quiet", "--report", dir.resolve("report").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("\\d+ fixtures, \\d+ passed, 0 failed").contains("virtual");
    assertThat(dir.resolve("report").resolve("index.html")).exists();
  }

  @Test
  void outputIsUtf8WhateverTheLocale(@TempDir Path dir) throws Exception {
    Map<String, String> asciiLocale = Map.of("LC_ALL", "C", "LANG", "C");
    Files.writeString(dir.resolve("script.json"), "{\"pause—ms\": 5}", StandardCharsets.UTF_8);

    Run help = run(dir, asciiLocale, "agent", "--help");
    Run bad = run(dir, asciiLocale, "serve", "--script", "script.json");

    assertThat(help.out()).contains("okay …").doesNotContain("okay ?");
    assertThat(bad.err()).contains("unknown field \"pause—ms\"");
  }

  @Test
  void aBadFlagIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
    Run run = run(dir, Map.of(), "serve", "--port", "99999");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).hasLineCount(1).contains("--port").contains("0 to 65535");
    assertThat(run.out()).isEmpty();
  }
}
