package dev.turntable.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.SharedResources;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.replay.SessionRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.utility.DockerImageName;

/** Our agent holds a conversation with {@code turntable serve} in a container, through its mapped ports. */
@ResourceLock(SharedResources.CORE_2)
class TurntableContainerIT {
  private static final Path FIXTURE = Path.of("..", "fixtures", "question-answer");
  private static final double SPEED = 2;

  @Test
  void theAgentHoldsAConversationThroughTheMappedPorts() throws Exception {
    Fixture fixture = FixtureReader.read(FIXTURE);
    DockerImageName image = Docker.image();
    // The README shows these lines (ReadmeContainerSnippetTest keeps them alike).
    try (TurntableContainer turntable =
        new TurntableContainer(image).withFixture(FIXTURE).withSpeed(SPEED)) {
      turntable.start();
      Map<String, String> urls = turntable.getServiceUrls(); // ASSEMBLYAI_STREAMING_URL=ws://localhost:…
      var choices = FixtureSettings.choices(fixture.manifest());
      SessionRun.Outcome outcome =
          SessionRun.run(
              fixture.micWav(),
              MockServices.environment(urls, choices.voice()),
              choices,
              FixtureSettings.conversation(fixture.manifest()),
              false,
              SPEED,
              null);

      assertThat(outcome.timeline().all(AgentEvent.UserTurnEnded.class))
          .extracting(AgentEvent.UserTurnEnded::text)
          .containsExactly("What is the weather like tomorrow?");
      assertThat(outcome.timeline().all(AgentEvent.LlmCompleted.class))
          .extracting(AgentEvent.LlmCompleted::text)
          .containsExactly("Tomorrow looks sunny and mild, with a light breeze in the afternoon.");
      assertThat(outcome.timeline().all(AgentEvent.PlaybackDrained.class)).hasSize(1);
      assertThat(outcome.timeline().all(AgentEvent.AgentError.class)).isEmpty();
      assertThat(outcome.played()).isNotEmpty();
      // The requests went to the container: its own journal has them.
      assertThat(requestPaths(turntable.getAdminUrl()))
          .contains("/v1/chat/completions")
          .anySatisfy(path -> assertThat(path).startsWith("/v1/text-to-speech/"));
    }
  }

  @Test
  void dockerStopClosesTheServersAndExits() throws Exception {
    try (TurntableContainer turntable = new TurntableContainer(Docker.image())) {
      turntable.start();
      var docker = turntable.getDockerClient();
      docker.stopContainerCmd(turntable.getContainerId()).withTimeout(10).exec();

      var state = docker.inspectContainerCmd(turntable.getContainerId()).exec().getState();
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hook; 137 would mean Docker had to SIGKILL it.
      assertThat(state.getExitCodeLong()).isEqualTo(143L);
      assertThat(turntable.getLogs()).contains("turntable serve: stopped").doesNotContain("Exception");
      assertThat(docker.inspectContainerCmd(turntable.getContainerId()).exec().getConfig().getUser())
          .isEqualTo("10001:10001");
    }
  }

  private static List<String> requestPaths(String adminUrl) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(adminUrl + "/requests")).build(), HttpResponse.BodyHandlers.ofString());
    List<String> paths = new ArrayList<>();
    for (JsonNode request : new ObjectMapper().readTree(response.body()).path("requests")) {
      paths.add(URI.create(request.path("request").path("url").asText()).getPath());
    }
    return paths;
  }
}
