package dev.turntable.harness.cucumber;

import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.ConversationAudio;
import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.FixtureReplay;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.ReplayClock;
import dev.turntable.harness.replay.ReplayOptions;
import dev.turntable.harness.testcontainers.ContainerReplay;
import dev.turntable.harness.replay.ScriptedReplay;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;

/** The one place the steps start a replay: a fixture or a conversation script, on either clock. */
final class SessionRunner {
  private SessionRunner() {}

  /** @param settings the agent settings to use instead of the recorded ones, or null */
  static SessionResult fixture(Fixture fixture, ConversationSettings settings, ReplayOptions options) throws Exception {
    ServiceChoices choices = FixtureSettings.choices(fixture.manifest());
    var replay = FixtureReplay.run(fixture, settings == null ? options : options.withSettings(settings));
    return SessionResult.of(
        replay, replay.name(), fixture.manifest().description(), fixture.micPcm(),
        silence(choices.minTurnSilenceMs(), choices.preset().minTurnSilenceMs()),
        silence(choices.maxTurnSilenceMs(), choices.preset().maxTurnSilenceMs()));
  }

  /** The fixture's mocks in a Turntable container, reached over the wire through mapped ports. */
  static SessionResult container(Fixture fixture, String image, ReplayOptions options) throws Exception {
    if (options.clock() != ReplayClock.WIRE) {
      throw new IllegalStateException("mocks in a container are reached over the wire: write"
          + " \"When it is replayed over the wire at 1x\" (or another speed)");
    }
    try {
      Class.forName("org.testcontainers.containers.GenericContainer");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("\"the mocks run in the container\" needs Testcontainers: add"
          + " org.testcontainers:testcontainers to your test dependencies");
    }
    ServiceChoices choices = FixtureSettings.choices(fixture.manifest());
    var replay = ContainerReplay.run(fixture, options.speed(), image);
    return SessionResult.of(
        replay, replay.name(), fixture.manifest().description(), fixture.micPcm(),
        silence(choices.minTurnSilenceMs(), choices.preset().minTurnSilenceMs()),
        silence(choices.maxTurnSilenceMs(), choices.preset().maxTurnSilenceMs()));
  }

  static SessionResult script(ConversationScript script, String name, ReplayOptions options) throws Exception {
    var replay = ScriptedReplay.run(script, options);
    // The same microphone the replay composed (deterministic), for the report's waveform.
    byte[] mic = ConversationAudio.micPcm(script, SpeechAudio.create(SpeechEngine.AUTO));
    return SessionResult.of(replay, name, script.description(), mic, script.turns().minMs(), script.turns().maxMs());
  }

  private static int silence(Integer explicit, int preset) {
    return explicit != null ? explicit : preset;
  }
}
