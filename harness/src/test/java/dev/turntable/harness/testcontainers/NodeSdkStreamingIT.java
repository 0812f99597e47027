package dev.turntable.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.harness.SharedResources;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * AssemblyAI's official Node SDK (npm {@code assemblyai}, pinned in src/test/node) streams a
 * fixture's microphone audio to the container over {@code wss://}, trusting only the CA the
 * container made, and sees Begin, the Turns and Termination. The SDK refuses any URL that is not
 * wss, so this also proves the image's TLS.
 */
@ResourceLock(SharedResources.CORE_2)
class NodeSdkStreamingIT {
  private static final Path NODE_PROJECT = Path.of("src", "test", "node");
  private static final Path WORK = Path.of("target", "node-sdk");
  private static final Path FIXTURE = Path.of("..", "fixtures", "question-answer");
  private static final long NPM_TIMEOUT_SECONDS = 300;
  private static final long STREAM_TIMEOUT_SECONDS = 120;

  @Test
  void theOfficialNodeSdkStreamsAFixtureOverWss() throws Exception {
    var image = Docker.image();
    requireNode();
    installSdk();
    try (TurntableContainer turntable =
        new TurntableContainer(image).withFixture(FIXTURE).withTls().withSpeed(4)) {
      turntable.start();
      Path ca = Files.writeString(WORK.resolve("turntable-ca.pem"), turntable.getCaCertificate(), StandardCharsets.US_ASCII);
      assertThat(turntable.getSttUrl()).startsWith("wss://");

      ProcessBuilder node =
          new ProcessBuilder("node", "stream-fixture.mjs", turntable.getSttUrl(),
              FIXTURE.resolve("mic.wav").toAbsolutePath().toString(), "4")
              .directory(WORK.toFile())
              .redirectError(WORK.resolve("node.err").toFile());
      node.environment().putAll(Map.of(
          "NODE_EXTRA_CA_CERTS", ca.toAbsolutePath().toString(),
          "ASSEMBLYAI_API_KEY", "turntable-placeholder-key"));
      List<JsonNode> events = run(node);

      assertThat(events).extracting(e -> e.path("type").asText()).as(describe(events))
          .startsWith("Begin")
          .contains("Turn")
          .doesNotContain("error")
          .endsWith("Termination");
      assertThat(events).filteredOn(e -> e.path("end_of_turn").asBoolean())
          .extracting(e -> e.path("transcript").asText())
          .containsExactly("What is the weather like tomorrow?");
    }
  }

  private static List<JsonNode> run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    List<JsonNode> events = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        events.add(json.readTree(line));
      }
    }
    if (!process.waitFor(STREAM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the Node SDK did not finish within " + STREAM_TIMEOUT_SECONDS + " s; " + describe(events));
    }
    assertThat(process.exitValue()).as("node exit status; stderr: %s", stderr()).isZero();
    return events;
  }

  /** npm ci into target/, once: the lock file pins the SDK and its one dependency (ws). */
  private static void installSdk() throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "stream-fixture.mjs")) {
      Files.copy(NODE_PROJECT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.isDirectory(WORK.resolve("node_modules").resolve("assemblyai"))) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("npm.log").toFile())
            .start();
    if (!npm.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      npm.destroyForcibly();
      fail("npm ci did not finish within " + NPM_TIMEOUT_SECONDS + " s; see " + WORK.resolve("npm.log"));
    }
    if (npm.exitValue() != 0) {
      fail("npm ci failed (" + npm.exitValue() + "): " + Files.readString(WORK.resolve("npm.log")));
    }
  }

  private static void requireNode() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "node")) && Files.isExecutable(Path.of(dir, "npm"))) {
        return;
      }
    }
    String message = "node and npm are not on the PATH; this test runs AssemblyAI's Node SDK";
    if (Boolean.parseBoolean(System.getenv(Docker.REQUIRE_ENV))) {
      fail(message + " (" + Docker.REQUIRE_ENV + "=true)");
    }
    Assumptions.abort(message);
  }

  private static String describe(List<JsonNode> events) {
    return "events: " + events + "; stderr: " + stderr();
  }

  private static String stderr() {
    try {
      return Files.readString(WORK.resolve("node.err"));
    } catch (IOException e) {
      return "(none)";
    }
  }
}
