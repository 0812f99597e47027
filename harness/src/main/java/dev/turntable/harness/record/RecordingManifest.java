package dev.turntable.harness.record;

import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.stt.assemblyai.AssemblyAiOptions;
import dev.turntable.harness.fixture.FixtureManifest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code fixture.json} of a session about to be recorded, from the settings it runs with. */
public final class RecordingManifest {
  private RecordingManifest() {}

  public static FixtureManifest of(
      String version,
      String description,
      List<String> tags,
      ServiceChoices choices,
      ConversationSettings settings,
      boolean halfDuplex,
      AssemblyAiOptions stt) {
    return of(version, description, tags, choices, settings, halfDuplex, false, stt);
  }

  /** @param echoCancellation mic.wav will hold the echo-cancelled microphone */
  public static FixtureManifest of(
      String version,
      String description,
      List<String> tags,
      ServiceChoices choices,
      ConversationSettings settings,
      boolean halfDuplex,
      boolean echoCancellation,
      AssemblyAiOptions stt) {
    var agent =
        new FixtureManifest.Agent(
            choices.preset().name().toLowerCase(Locale.ROOT),
            FixtureManifest.Policy.from(settings.policy()),
            halfDuplex,
            new FixtureManifest.Llm(lower(choices.llm()), choices.llmModel()),
            new FixtureManifest.Tts(lower(choices.tts()), choices.ttsSampleRate(), choices.voice()),
            echoCancellation ? Boolean.TRUE : null);
    return FixtureManifest.v1(
        version,
        description,
        tags,
        new FixtureManifest.Stt(stt.redactedUrl(), queryParams(stt.connectionUri().getRawQuery())),
        agent);
  }

  /** The connection parameters, decoded; the key is never among them (it goes in a header). */
  static Map<String, Object> queryParams(String rawQuery) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
