package dev.turntable.harness.testcontainers;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.ReplayResult;
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
      // serve warms its JVM before it reports ready, so the first replay is the measured one.
      return FixtureReplay.against(fixture, speed, turntable.getServiceUrls());
    }
  }
}
