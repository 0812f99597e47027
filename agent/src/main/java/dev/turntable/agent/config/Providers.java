package dev.turntable.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The services an agent run uses, and the secrets each needs. */
public final class Providers {
  public enum Llm {
    OPENAI("OPENAI_API_KEY"),
    ANTHROPIC("ANTHROPIC_API_KEY");

    final List<String> keys;

    Llm(String... keys) {
      this.keys = List.of(keys);
    }
  }

  public enum Tts {
    ELEVENLABS("ELEVENLABS_API_KEY", "ELEVENLABS_VOICE_ID"),
    CARTESIA("CARTESIA_API_KEY");

    final List<String> keys;

    Tts(String... keys) {
      this.keys = List.of(keys);
    }
  }

  public static final String ASSEMBLYAI_KEY = "ASSEMBLYAI_API_KEY";

  /** Every variable whose value is a secret: recorders redact these values wherever they appear. */
  public static final List<String> SECRET_VARIABLES =
      List.of(
          ASSEMBLYAI_KEY, "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "ELEVENLABS_API_KEY", "CARTESIA_API_KEY");

  private Providers() {}

  /** The variables these providers need, in a stable order. */
  public static List<String> requiredVariables(Llm llm, Tts tts) {
    Set<String> names = new LinkedHashSet<>();
    names.add(ASSEMBLYAI_KEY);
    names.addAll(llm.keys);
    names.addAll(tts.keys);
    return List.copyOf(names);
  }

  /** Whether every one of {@code names} is set. */
  static boolean hasKeys(Environment env, List<String> names) {
    return names.stream().allMatch(name -> env.get(name).isPresent());
  }

  /** Fails naming exactly the variables that are missing for this choice of providers. */
  public static void requireKeys(Environment env, Llm llm, Tts tts) {
    List<String> missing = new ArrayList<>();
    for (String name : requiredVariables(llm, tts)) {
      if (env.get(name).isEmpty()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "missing "
              + String.join(", ", missing)
              + " (needed for --llm "
              + llm.name().toLowerCase()
              + " --tts "
              + tts.name().toLowerCase()
              + "): set them in the environment or in ./.env (see .env.example)");
    }
  }
}
