package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.mockstt.ReleaseStatistics;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.stubs.StubOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How precisely the mock releases recorded STT messages when the bundled fixtures replay at 1×:
 * the audio-position gap (audio received at release − the message's recorded {@code audio_ms}) and
 * the server's lateness (frame that made it due read → message handed to the socket). Not part of
 * the suite; run with {@code mvn -pl agent,harness verify -Dtest=ReplayReleaseBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class ReplayReleaseBenchmark {
  @Test
  void releasePrecisionOfTheBundledFixtures() throws Exception {
    List<Path> dirs;
    try (Stream<Path> list = Files.list(Path.of("..", "fixtures"))) {
      dirs = list.filter(d -> Files.exists(d.resolve("fixture.json"))).sorted().toList();
    }
    for (Path dir : dirs) {
      Fixture fixture = FixtureReader.read(dir);
      var driver =
          ReplayDriver.factory(SttRecording.of(fixture), ReplayDriver.Options.audioClock());
      var stubs = StubOptions.defaults().withRecordings(fixture.httpDir().orElseThrow());
      try (MockServices mocks = MockServices.start(driver, stubs)) {
        var choices = FixtureSettings.choices(fixture.manifest());
        SessionRun.run(fixture.micWav(), mocks.environment(choices.voice()), choices,
            FixtureSettings.conversation(fixture.manifest()), false, 1, null);
        ReleaseStatistics stats = mocks.stt().releaseStatistics();
        assertThat(stats.count()).isPositive();
        System.out.printf("%s: %d releases, audio gap p50 %d ms p99 %d ms max %d ms;"
                + " server lateness p50 %.3f ms p99 %.3f ms max %.3f ms%n",
            dir.getFileName(), stats.count(), stats.audioGapP50Ms(), stats.audioGapP99Ms(), stats.audioGapMaxMs(),
            stats.latenessP50().toNanos() / 1e6, stats.latenessP99().toNanos() / 1e6, stats.latenessMax().toNanos() / 1e6);
      }
    }
  }
}
