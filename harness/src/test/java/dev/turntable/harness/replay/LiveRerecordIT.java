package dev.turntable.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.stubs.StubOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Record mode speaks a fixture's microphone to whatever the environment points at. Here that is
 * the mocks replaying the same fixture, so the new recording must equal the old one.
 */
@Order(4)
@ResourceLock(value = SharedResources.CORE_1, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedResources.CORE_2, mode = ResourceAccessMode.READ)
class LiveRerecordIT {
  @Test
  void reRecordingAgainstServicesThatAnswerAsBeforeGivesTheSameFixture(@TempDir Path temp) throws Exception {
    Fixture fixture = FixtureReader.read(Path.of("..", "fixtures", "question-answer"));
    var driver =
        ReplayDriver.factory(SttRecording.of(fixture), ReplayDriver.Options.audioClock());
    try (MockServices services =
        MockServices.start(driver, StubOptions.defaults().withRecordings(fixture.httpDir().orElseThrow()))) {
      Path out = LiveRerecord.run(fixture, services.environment("turntable-voice"), temp.resolve("new"), "test");
      assertThat(FixtureDiff.between(fixture, FixtureReader.read(out))).isEmpty();
    }
  }
}
