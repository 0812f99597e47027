package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Virtual time makes a replay a pure function of the fixture: every bundled fixture, replayed 100
 * times, writes the same agent.jsonl byte for byte, times included, and the verdict its recording
 * earned.
 */
class VirtualTimeReplayTest {
  private static final int RUNS = 100;

  static Stream<Path> fixtures() throws Exception {
    try (Stream<Path> dirs = Files.list(Path.of("..", "fixtures"))) {
      return dirs.filter(d -> Files.exists(d.resolve("fixture.json"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyRunWritesTheSameAgentJsonl(Path dir) throws Exception {
    Fixture fixture = FixtureReader.read(dir);
    ReplayResult first = FixtureReplay.run(fixture, ReplayOptions.virtual());
    assertThat(first.differences()).as("decisions vs the recording").isEmpty();
    assertThat(first.verdict().failures()).as("verdict").isEmpty();
    String expected = AgentEventLine.jsonl(first.timeline().events());

    for (int run = 2; run <= RUNS; run++) {
      ReplayResult again = FixtureReplay.run(fixture, ReplayOptions.virtual());
      assertThat(AgentEventLine.jsonl(again.timeline().events())).as("agent.jsonl of run %d", run).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void playsTheSameAudioAtTheSameTimesEveryRun(Path dir) throws Exception {
    Fixture fixture = FixtureReader.read(dir);
    List<CapturingSpeaker.PlayedSpan> first =
        FixtureReplay.run(fixture, ReplayOptions.virtual()).outcome().played();
    List<CapturingSpeaker.PlayedSpan> second =
        FixtureReplay.run(fixture, ReplayOptions.virtual()).outcome().played();
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).startMs()).isEqualTo(first.get(i).startMs());
      assertThat(second.get(i).pcm()).isEqualTo(first.get(i).pcm());
    }
  }
}
