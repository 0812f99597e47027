package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled fixture replays on virtual time with the verdict its recording earned, and over the
 * wire at 1× (through the real adapters and sockets) with the same decisions and verdict; the wire
 * replay re-records into an equal fixture (the round trip).
 *
 * <p>The fixtures replay three at a time: a wire replay at 1× mostly waits on its recorded timing.
 * Other tests that judge real time may run beside them; none that keeps the CPU busy does
 * ({@link SharedResources}).
 */
@Order(2)
@ResourceLock(value = SharedResources.CORE_1, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedResources.CORE_2, mode = ResourceAccessMode.READ)
class BundledFixturesIT {
  private static final Path FIXTURES = Path.of("..", "fixtures");

  static Stream<Path> fixtures() throws Exception {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      List<Path> found = dirs.filter(d -> Files.exists(d.resolve("fixture.json"))).sorted().toList();
      assertThat(found).as("bundled fixtures under %s", FIXTURES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(3);
      return found.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @Execution(ExecutionMode.CONCURRENT)
  void virtualTimeAndTheWireAt1xAgreeWithTheRecording(Path dir, @TempDir Path temp)
      throws Exception {
    Fixture fixture = FixtureReader.read(dir);

    ReplayResult virtual = FixtureReplay.run(fixture, ReplayOptions.virtual());
    assertThat(virtual.differences()).as("decisions on virtual time vs the recording").isEmpty();
    assertThat(virtual.verdict().failures()).as("verdict on virtual time").isEmpty();

    Path rerecorded = temp.resolve("rerecorded");
    ReplayResult wire = FixtureReplay.run(fixture, ReplayOptions.wire(1).withRecordTo(rerecorded));
    assertThat(wire.verdict()).as("verdict on the wire at 1x").isEqualTo(virtual.verdict());
    assertThat(virtual.timeline().decisionDifferences(wire.timeline()))
        .as("decisions on the wire at 1x vs on virtual time")
        .isEmpty();
    assertThat(FixtureDiff.between(fixture, FixtureReader.read(rerecorded)))
        .as("the fixture re-recorded over the wire vs the original")
        .isEmpty();
  }
}
