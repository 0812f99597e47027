package dev.turntable.harness.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides, inside each test that needs them, whether the virtual microphone and speaker of
 * {@code .ci/virtual-audio.sh} and the tools that drive them are there. Without them the test is
 * skipped with the reason, or fails when {@code TURNTABLE_REQUIRE_AUDIO=true} (CI), so a broken
 * setup can never pass silently. Call it at the start of the test method, not in
 * {@code @BeforeAll}: an assumption there makes the report say "Tests run: 0" instead of skipped.
 *
 * <p>The same decision as the agent module's {@code AudioAvailability} (its test sources are not
 * visible here), minus the in-JVM Java Sound scan: these tests run the agent in a child process,
 * which reports a missing device itself, and add the command-line tools they need.
 */
final class VirtualAudio {
  static final String REQUIRE_ENV = "TURNTABLE_REQUIRE_AUDIO";
  private static final String START_HINT = "Start it before Maven with: eval \"$(.ci/virtual-audio.sh start)\"";
  private static final List<String> TOOLS = List.of("pactl", "paplay", "parec", "espeak-ng", "sox");

  private VirtualAudio() {}

  /** Returns when the virtual devices are usable; otherwise skips or fails the test. */
  static void require() {
    List<String> found = problems();
    if (found.isEmpty()) {
      return;
    }
    String message = "virtual audio is missing: " + String.join("; ", found) + ". " + START_HINT;
    if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
      fail(message + " (" + REQUIRE_ENV + "=true, so this fails instead of skipping)");
    }
    Assumptions.abort(message);
  }

  private static List<String> problems() {
    List<String> found = new ArrayList<>();
    for (String tool : TOOLS) {
      if (!onPath(tool)) {
        found.add(tool + " is not on the PATH (apt-get install pulseaudio-utils espeak-ng sox)");
      }
    }
    if (!found.isEmpty()) {
      return found;
    }
    try {
      String sinks = pactl("list", "short", "sinks");
      for (String sink : List.of("vspeaker", "vmic")) {
        if (!sinks.contains(sink)) {
          found.add("PulseAudio has no sink \"" + sink + "\"");
        }
      }
      expectDefault(found, "get-default-sink", "vspeaker");
      expectDefault(found, "get-default-source", "vmic.monitor");
    } catch (IOException e) {
      found.add("no PulseAudio answers (" + e.getMessage() + "; PULSE_SERVER=" + System.getenv("PULSE_SERVER") + ")");
    }
    return found;
  }

  private static void expectDefault(List<String> found, String command, String expected) throws IOException {
    String actual = pactl(command).strip();
    if (!actual.equals(expected)) {
      found.add("pactl " + command + " is \"" + actual + "\", not \"" + expected + "\"");
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && List.of(path.split(File.pathSeparator)).stream()
            .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, program)));
  }

  private static String pactl(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("pactl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "e2e-pactl-output");
    reader.start();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not answer within 5 s");
      }
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted running " + command, e);
    }
    String text = output.toString(StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + text.strip());
    }
    return text;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
