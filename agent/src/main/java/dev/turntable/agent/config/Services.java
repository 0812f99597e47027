package dev.turntable.agent.config;

import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.anthropic.AnthropicChatModel;
import dev.turntable.agent.llm.anthropic.AnthropicOptions;
import dev.turntable.agent.llm.openai.OpenAiChatModel;
import dev.turntable.agent.llm.openai.OpenAiOptions;
import dev.turntable.agent.stt.SpeechToText;
import dev.turntable.agent.stt.SttWireTap;
import dev.turntable.agent.stt.assemblyai.AssemblyAiCredential;
import dev.turntable.agent.stt.assemblyai.AssemblyAiOptions;
import dev.turntable.agent.stt.assemblyai.AssemblyAiSpeechToText;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.cartesia.CartesiaOptions;
import dev.turntable.agent.tts.cartesia.CartesiaSynthesizer;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsOptions;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsSynthesizer;
import java.net.URI;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The three network services of one agent run, built from the user's choices and the environment
 * (keys, voices, and base URLs such as {@code OPENAI_BASE_URL} — the lines {@code turntable serve}
 * prints). Live runs and replays build them the same way; only the environment differs.
 */
public record Services(SpeechToText stt, ChatModel llm, SpeechSynthesizer tts) {
  public static final String STT_URL = "ASSEMBLYAI_STREAMING_URL";
  public static final String OPENAI_URL = "OPENAI_BASE_URL";
  public static final String ANTHROPIC_URL = "ANTHROPIC_BASE_URL";
  public static final String ELEVENLABS_URL = "ELEVENLABS_BASE_URL";
  public static final String CARTESIA_URL = "CARTESIA_BASE_URL";
  /** A Cartesia stock voice, used when CARTESIA_VOICE_ID is not set. */
  public static final String DEFAULT_CARTESIA_VOICE = "a0e99841-438c-4a64-b679-ae501e7d6091";

  /** Fails naming every missing variable before anything connects. */
  public static Services create(
      Environment env, ServiceChoices choices, OkHttpClient http, SttWireTap tap) {
    Providers.requireKeys(env, choices.llm(), choices.tts());
    return new Services(
        new AssemblyAiSpeechToText(sttOptions(env, choices), tap),
        llm(env, choices, http),
        tts(env, choices, http));
  }

  public static AssemblyAiOptions sttOptions(Environment env, ServiceChoices choices) {
    AssemblyAiOptions.Builder builder =
        AssemblyAiOptions.builder(AssemblyAiCredential.apiKey(require(env, Providers.ASSEMBLYAI_KEY)))
            .url(URI.create(env.getOrDefault(STT_URL, AssemblyAiOptions.DEFAULT_URL.toString())))
            .preset(choices.preset())
            .prompt(choices.sttPrompt());
    if (!choices.keyterms().isEmpty()) {
      builder.keytermsPrompt(choices.keyterms());
    }
    if (choices.minTurnSilenceMs() != null) {
      builder.minTurnSilenceMs(choices.minTurnSilenceMs());
    }
    if (choices.maxTurnSilenceMs() != null) {
      builder.maxTurnSilenceMs(choices.maxTurnSilenceMs());
    }
    return builder.build();
  }

  /**
   * The other LLM provider, with its default model, if its key is set: what a retrying model falls
   * back to when the chosen one keeps failing.
   */
  public static Optional<ChatModel> fallbackLlm(
      Environment env, ServiceChoices c, OkHttpClient http) {
    Providers.Llm other =
        c.llm() == Providers.Llm.OPENAI ? Providers.Llm.ANTHROPIC : Providers.Llm.OPENAI;
    if (!Providers.hasKeys(env, other.keys)) {
      return Optional.empty();
    }
    ServiceChoices switched =
        new ServiceChoices(
            other, c.tts(), c.preset(), c.minTurnSilenceMs(), c.maxTurnSilenceMs(), c.keyterms(),
            c.sttPrompt(), c.systemPrompt(), null, c.maxTokens(), c.ttsSampleRate(), c.voice());
    return Optional.of(llm(env, switched, http));
  }

  /**
   * The other TTS provider, with its default voice, at the same sample rate, if its keys are set.
   */
  public static Optional<SpeechSynthesizer> fallbackTts(
      Environment env, ServiceChoices c, OkHttpClient http) {
    Providers.Tts other =
        c.tts() == Providers.Tts.ELEVENLABS ? Providers.Tts.CARTESIA : Providers.Tts.ELEVENLABS;
    if (!Providers.hasKeys(env, other.keys)) {
      return Optional.empty();
    }
    ServiceChoices switched =
        new ServiceChoices(
            c.llm(), other, c.preset(), c.minTurnSilenceMs(), c.maxTurnSilenceMs(), c.keyterms(),
            c.sttPrompt(), c.systemPrompt(), c.llmModel(), c.maxTokens(), c.ttsSampleRate(), null);
    return Optional.of(tts(env, switched, http));
  }

  private static ChatModel llm(Environment env, ServiceChoices c, OkHttpClient http) {
    int maxTokens = c.maxTokens() == null ? OpenAiOptions.DEFAULT_MAX_TOKENS : c.maxTokens();
    return switch (c.llm()) {
      case OPENAI ->
          new OpenAiChatModel(
              http,
              new OpenAiOptions(
                  env.getOrDefault(OPENAI_URL, OpenAiOptions.DEFAULT_BASE_URL),
                  require(env, "OPENAI_API_KEY"),
                  c.llmModel(),
                  c.systemPrompt(),
                  maxTokens));
      case ANTHROPIC ->
          new AnthropicChatModel(
              http,
              new AnthropicOptions(
                  env.getOrDefault(ANTHROPIC_URL, AnthropicOptions.DEFAULT_BASE_URL),
                  require(env, "ANTHROPIC_API_KEY"),
                  c.llmModel(),
                  c.systemPrompt(),
                  maxTokens));
    };
  }

  private static SpeechSynthesizer tts(Environment env, ServiceChoices c, OkHttpClient http) {
    return switch (c.tts()) {
      case ELEVENLABS ->
          new ElevenLabsSynthesizer(
              http,
              new ElevenLabsOptions(
                  env.getOrDefault(ELEVENLABS_URL, ElevenLabsOptions.DEFAULT_BASE_URL),
                  require(env, "ELEVENLABS_API_KEY"),
                  c.voice() != null ? c.voice() : require(env, "ELEVENLABS_VOICE_ID"),
                  null,
                  c.ttsSampleRate()));
      case CARTESIA ->
          new CartesiaSynthesizer(
              http,
              new CartesiaOptions(
                  env.getOrDefault(CARTESIA_URL, CartesiaOptions.DEFAULT_BASE_URL),
                  require(env, "CARTESIA_API_KEY"),
                  null,
                  null,
                  c.voice() != null
                      ? c.voice()
                      : env.getOrDefault("CARTESIA_VOICE_ID", DEFAULT_CARTESIA_VOICE),
                  c.ttsSampleRate()));
    };
  }

  private static String require(Environment env, String name) {
    return env.get(name).orElseThrow(() -> new ConfigException("missing " + name));
  }
}
