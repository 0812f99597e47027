package dev.turntable.agent.config;

import dev.turntable.agent.stt.assemblyai.TurnPreset;
import java.util.List;

/**
 * What the user chose on the command line for the services; anything null takes the provider's
 * default. Secrets are never here: they come from the {@link Environment}.
 */
public record ServiceChoices(
    Providers.Llm llm,
    Providers.Tts tts,
    TurnPreset preset,
    Integer minTurnSilenceMs,
    Integer maxTurnSilenceMs,
    List<String> keyterms,
    String sttPrompt,
    String systemPrompt,
    String llmModel,
    Integer maxTokens,
    int ttsSampleRate,
    String voice,
    Providers.TtsTransport ttsTransport) {

  public static final String DEFAULT_SYSTEM_PROMPT =
      "You are a friendly voice assistant. Your words are spoken aloud: answer in one to three"
          + " short sentences, with no lists, markdown or emoji.";

  public ServiceChoices {
    if (llm == null || tts == null || preset == null) {
      throw new IllegalArgumentException("llm, tts and preset are required");
    }
    keyterms = keyterms == null ? List.of() : List.copyOf(keyterms);
    systemPrompt = systemPrompt == null ? DEFAULT_SYSTEM_PROMPT : systemPrompt;
    ttsTransport = ttsTransport == null ? Providers.TtsTransport.WS : ttsTransport;
  }

  /** Without a transport: tokens stream into the TTS's WebSocket. */
  public ServiceChoices(
      Providers.Llm llm,
      Providers.Tts tts,
      TurnPreset preset,
      Integer minTurnSilenceMs,
      Integer maxTurnSilenceMs,
      List<String> keyterms,
      String sttPrompt,
      String systemPrompt,
      String llmModel,
      Integer maxTokens,
      int ttsSampleRate,
      String voice) {
    this(llm, tts, preset, minTurnSilenceMs, maxTurnSilenceMs, keyterms, sttPrompt, systemPrompt,
        llmModel, maxTokens, ttsSampleRate, voice, null);
  }

  public ServiceChoices withTtsTransport(Providers.TtsTransport transport) {
    return new ServiceChoices(llm, tts, preset, minTurnSilenceMs, maxTurnSilenceMs, keyterms,
        sttPrompt, systemPrompt, llmModel, maxTokens, ttsSampleRate, voice, transport);
  }

  public static ServiceChoices defaults() {
    return new ServiceChoices(
        Providers.Llm.OPENAI,
        Providers.Tts.ELEVENLABS,
        TurnPreset.BALANCED,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        16_000,
        null);
  }
}
