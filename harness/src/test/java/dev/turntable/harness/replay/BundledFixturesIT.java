package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.check.Decisions;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled fixture replays at 1× with the verdict its recording earned, re-records into an
 * equal fixture (the round trip), and replays at 20× with the same decisions and verdict.
 */
class BundledFixturesIT {
  private static final Path FIXTURES = Path.of("..", "fixtures");

  static Stream<Path> fixtures() throws Exception {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      List<Path> found = dirs.filter(d -> Files.exists(d.resolve("fixture.json"))).sorted().toList();
      assertThat(found).as("bundled fixtures under %s", FIXTURES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(3);
      return found.stream();
    }
  }

  @BeforeAll
  static void warmUp() throws Exception {
    ReplayWarmUp.ensure(FixtureReader.read(fixtures().findFirst().orElseThrow()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void replaysAndRecordsTheSameAt1xAnd20x(Path dir, @TempDir Path temp) throws Exception {
    Fixture fixture = FixtureReader.read(dir);

    Path rerecorded = temp.resolve("rerecorded");
    ReplayResult atOne = FixtureReplay.run(fixture, 1, rerecorded);
    assertThat(atOne.differences()).as("decisions at 1x vs the recording").isEmpty();
    assertThat(atOne.verdict().failures()).as("verdict at 1x").isEmpty();

    assertThat(FixtureDiff.between(fixture, FixtureReader.read(rerecorded)))
        .as("the re-recorded fixture vs the original")
        .isEmpty();

    ReplayResult atTwenty = FixtureReplay.run(fixture, 20, null);
    assertThat(atTwenty.verdict()).as("verdict at 20x").isEqualTo(atOne.verdict());
    assertThat(Decisions.of(atTwenty.timeline())).as("decisions at 20x").isEqualTo(Decisions.of(atOne.timeline()));
  }
}
