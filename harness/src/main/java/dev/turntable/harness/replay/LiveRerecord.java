package dev.turntable.harness.replay;

import dev.turntable.agent.config.Environment;
import dev.turntable.agent.config.Services;
import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.Redactor;
import dev.turntable.harness.record.RecordingManifest;
import dev.turntable.harness.record.SessionRecorder;
import java.nio.file.Path;

/**
 * Records a fixture anew against whatever {@code env} points at — the real services, with the
 * user's keys — by playing the old fixture's {@code mic.wav} as the microphone at real time, with
 * the old fixture's agent settings. Useful after changing a prompt, a model or a voice.
 */
public final class LiveRerecord {
  private LiveRerecord() {}

  public static Path run(Fixture source, Environment env, Path outDir, String version) throws Exception {
    FixtureManifest old = source.manifest();
    var choices = FixtureSettings.choices(old);
    var settings = FixtureSettings.conversation(old);
    boolean halfDuplex = FixtureSettings.halfDuplex(old);
    FixtureManifest manifest =
        RecordingManifest.of(version, old.description(), old.tags(), choices, settings, halfDuplex,
                Services.sttOptions(env, choices))
            .withExpected(old.expected());
    // Recording, not replaying: a session is recorded over real sockets in real time, so the
    // recorder's clock is the system's.
    try (SessionRecorder recorder = SessionRecorder.start(outDir, manifest, Clock.system(), new Redactor(env.secretValues()))) {
      SessionRun.run(source.micWav(), env, choices, settings, halfDuplex, 1.0, recorder);
    }
    return outDir;
  }
}
