package dev.turntable.agent.audio.javasound;

import static org.junit.jupiter.api.Assertions.fail;

import dev.turntable.agent.audio.PcmFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides, inside each real-device test, whether the virtual audio of {@code .ci/virtual-audio.sh}
 * is there. Without it the test is skipped with the reason, or fails when
 * {@code TURNTABLE_REQUIRE_AUDIO=true} (CI), so a broken setup can never pass silently. Call it at
 * the start of the test method, not in {@code @BeforeAll}: an assumption there makes Surefire report
 * "Tests run: 0" instead of skipped tests.
 */
final class AudioAvailability {
  static final String REQUIRE_ENV = "TURNTABLE_REQUIRE_AUDIO";
  private static final String START_HINT = "Start it before Maven with: eval \"$(.ci/virtual-audio.sh start)\"";
  private static volatile List<String> problems;

  private AudioAvailability() {}

  /** Returns when the virtual microphone and speaker are usable; otherwise skips or fails the test. */
  static void requireVirtualAudio() {
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
    if (problems == null) {
      problems = List.copyOf(findProblems());
    }
    return problems;
  }

  private static List<String> findProblems() {
    List<String> found = new ArrayList<>();
    try {
      String sinks = Pulse.pactl("list", "short", "sinks");
      for (String sink : List.of("vspeaker", "vmic")) {
        if (!sinks.contains(sink)) {
          found.add("PulseAudio has no sink \"" + sink + "\"");
        }
      }
      expectDefault(found, "get-default-sink", "vspeaker");
      expectDefault(found, "get-default-source", "vmic.monitor");
    } catch (IOException e) {
      found.add("no PulseAudio answers (" + e.getMessage() + "; PULSE_SERVER="
          + System.getenv("PULSE_SERVER") + ")");
      return found;
    }
    AudioDevices devices = AudioDevices.scan(PcmFormat.STT);
    if (devices.inputs().isEmpty() || devices.outputs().isEmpty()) {
      found.add("PulseAudio runs but Java Sound sees " + devices.inputs().size() + " input(s) and "
          + devices.outputs().size() + " output(s): start PulseAudio before this JVM and install"
          + " libasound2-plugins");
    }
    return found;
  }

  private static void expectDefault(List<String> found, String command, String expected) throws IOException {
    String actual = Pulse.pactl(command).strip();
    if (!actual.equals(expected)) {
      found.add("pactl " + command + " is \"" + actual + "\", not \"" + expected + "\"");
    }
  }
}
