package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.harness.SharedResources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code turntable bench --quick} as CI runs it: every figure is taken or says why not. No figure
 * is checked against a limit here; the machines running this are shared and noisy.
 */
@ResourceLock(SharedResources.CORE_1)
class BenchCommandIT {
  @Test
  void quickBenchPrintsEveryFigureAndWritesThemAsJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");
    StringWriter out = new StringWriter();
    int exit =
        TurntableCommand.commandLine()
            .setOut(new PrintWriter(out, true))
            .execute("bench", "--quick", "--fixtures", "../fixtures", "--json", json.toString());

    assertThat(exit).as("bench output:%n%s", out).isZero();
    assertThat(out.toString())
        .contains("voice-to-voice, ElevenLabs over ws", "voice-to-voice, ElevenLabs over http",
            "floor:", "sequential agent", "barge-in stop latency", "replay speed on the wire",
            "release precision at 1x", "mock capacity", "agent memory", "mock heap per open session");
    JsonNode report = new ObjectMapper().readTree(Files.readString(json));
    Set<String> items = new HashSet<>();
    report.path("figures").forEach(figure -> items.add(figure.path("item").asText()));
    assertThat(items).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
    assertThat(report.path("machine").asText()).contains("cores");
  }
}
