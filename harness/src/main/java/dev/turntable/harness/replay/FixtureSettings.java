package dev.turntable.harness.replay;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.harness.fixture.FixtureManifest;
import java.util.Locale;
import java.util.Map;

/** The agent settings a fixture was recorded with, so a replay behaves as the recording did. */
public final class FixtureSettings {
  private FixtureSettings() {}

  /**
   * Fixtures hold their TTS exchanges as HTTP mappings, so a replay speaks over HTTP to get the
   * recorded audio back.
   */
  public static ServiceChoices choices(FixtureManifest manifest) {
    return recordedChoices(manifest).withTtsTransport(Providers.TtsTransport.HTTP);
  }

  private static ServiceChoices recordedChoices(FixtureManifest manifest) {
    ServiceChoices defaults = ServiceChoices.defaults();
    FixtureManifest.Agent agent = manifest.agent();
    if (agent == null) {
      return defaults;
    }
    Map<String, Object> params = manifest.stt() == null ? Map.of() : manifest.stt().params();
    return new ServiceChoices(
        agent.llm() == null ? defaults.llm() : Providers.Llm.valueOf(upper(agent.llm().provider())),
        agent.tts() == null ? defaults.tts() : Providers.Tts.valueOf(upper(agent.tts().provider())),
        agent.preset() == null ? defaults.preset() : TurnPreset.fromName(agent.preset()),
        integer(params.get("min_turn_silence")),
        integer(params.get("max_turn_silence")),
        null,
        null,
        null,
        agent.llm() == null ? null : agent.llm().model(),
        null,
        agent.tts() == null || agent.tts().sampleRate() == null
            ? defaults.ttsSampleRate()
            : agent.tts().sampleRate(),
        agent.tts() == null ? null : agent.tts().voice());
  }

  public static ConversationSettings conversation(FixtureManifest manifest) {
    ConversationSettings defaults = ConversationSettings.defaults();
    if (manifest.agent() == null || manifest.agent().policy() == null) {
      return defaults;
    }
    return defaults.withPolicy(manifest.agent().policy().toInterruptionPolicy());
  }

  public static boolean halfDuplex(FixtureManifest manifest) {
    return manifest.agent() != null && Boolean.TRUE.equals(manifest.agent().halfDuplex());
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  private static Integer integer(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString());
  }
}
