package dev.turntable.harness.testcontainers;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * Replays a fixture with the mocks in a {@link TurntableContainer} and the agent in this JVM: the
 * same verdicts as an in-process replay, through the image's ports.
 */
public final class ContainerReplay {
  private ContainerReplay() {}

  /** @param image a {@code turntable/turntable} image, e.g. {@code turntable/turntable:latest} */
  public static ReplayResult run(Fixture fixture, double speed, String image) throws Exception {
    try (TurntableContainer turntable =
        new TurntableContainer(DockerImageName.parse(image)).withFixture(fixture.dir()).withSpeed(speed)) {
      turntable.start();
      Map<String, String> urls = turntable.getServiceUrls();
      // The container's JVM starts cold: on a busy machine its first replies came seconds late,
      // after the user had interrupted. A first, discarded replay warms it; resetting WireMock's
      // scenarios then serves the recorded exchanges from the first one again.
      FixtureReplay.against(fixture, speed, urls);
      resetScenarios(turntable.getAdminUrl());
      return FixtureReplay.against(fixture, speed, urls);
    }
  }

  private static void resetScenarios(String adminUrl) throws IOException, InterruptedException {
    HttpRequest reset = HttpRequest.newBuilder(URI.create(adminUrl + "/scenarios/reset"))
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(reset, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("resetting the container's WireMock scenarios failed: HTTP " + response.statusCode()
          + " " + response.body());
    }
  }
}
