package dev.turntable.harness.cli;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.conversation.FalseInterruptions;
import dev.turntable.agent.retry.RetryPolicy;
import dev.turntable.agent.turn.EchoGuard;
import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.agent.turn.InterruptionPolicy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The agent's behaviour flags, shared by {@code turntable agent} and other commands that run it. */
final class AgentOptions {
  @Option(names = "--preset", defaultValue = "balanced", description = "Turn detection: fast, balanced or patient (default: ${DEFAULT-VALUE}).", converter = PresetConverter.class)
  TurnPreset preset;

  @Option(names = "--llm", defaultValue = "openai", description = "openai or anthropic (default: ${DEFAULT-VALUE}).", converter = LlmConverter.class)
  Providers.Llm llm;

  @Option(names = "--tts", defaultValue = "elevenlabs", description = "elevenlabs or cartesia (default: ${DEFAULT-VALUE}).", converter = TtsConverter.class)
  Providers.Tts tts;

  @Option(names = "--model", description = "LLM model (default: the provider's fast model).")
  String model;

  @Option(names = "--max-tokens", description = "Longest LLM reply in tokens.")
  Integer maxTokens;

  @Option(names = "--system-prompt", description = "Instructions for the LLM.")
  String systemPrompt;

  @Option(names = "--voice", description = "TTS voice id (default: ELEVENLABS_VOICE_ID or CARTESIA_VOICE_ID).")
  String voice;

  @Option(names = "--tts-sample-rate", defaultValue = "16000", description = "TTS and speaker sample rate in Hz (default: ${DEFAULT-VALUE}).")
  int ttsSampleRate;

  @Option(names = "--min-turn-silence", description = "ms of silence before AssemblyAI checks for an end of turn (overrides the preset).")
  Integer minTurnSilence;

  @Option(names = "--max-turn-silence", description = "ms of silence that always ends a turn (overrides the preset).")
  Integer maxTurnSilence;

  @Option(names = "--keyterms", split = ",", description = "Words AssemblyAI should expect, comma separated.")
  List<String> keyterms;

  @Option(names = "--stt-prompt", description = "Prompt for Universal-3 Pro.")
  String sttPrompt;

  @Option(names = "--min-words", defaultValue = "2", description = "While the agent speaks, shorter turns are ignored (default: ${DEFAULT-VALUE}).")
  int minWords;

  @Option(names = "--grace-ms", defaultValue = "1000", description = "Keep filtering this long after the agent's audio really ended (default: ${DEFAULT-VALUE}).")
  long graceMs;

  @Option(names = "--always-interrupt", split = ",", defaultValue = "stop,wait,no,yes", description = "Words that interrupt however short the turn (default: ${DEFAULT-VALUE}).")
  List<String> alwaysInterrupt;

  @Option(names = "--backchannels", split = ",", description = "Words ignored while the agent speaks (default: mhm, yeah, okay … as in the barge-in guide).")
  List<String> backchannels;

  @Option(names = "--echo-guard", negatable = true, description = "Drop turns that match what the agent was playing at that moment (its own voice on open speakers). Default: on, off with --half-duplex.")
  Boolean echoGuard;

  @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true", description = "A passing partial only pauses the agent; if the turn comes to nothing it resumes where it stopped (default: on). --no-resume cancels on the first passing partial.")
  boolean resume;

  @Option(names = "--resume-timeout-ms", defaultValue = "2000", description = "A paused agent resumes if no transcript follows within this long (default: ${DEFAULT-VALUE}).")
  long resumeTimeoutMs;

  @Option(names = "--failure-notice", description = "What the agent says when the LLM fails for good; \"\" for nothing (default: a short apology).")
  String failureNotice;

  @Option(names = "--retry-attempts", defaultValue = "3", description = "LLM/TTS attempts on 429, 5xx or timeout before the fallback (default: ${DEFAULT-VALUE}).")
  int retryAttempts;

  @Option(names = "--retry-budget-ms", defaultValue = "4000", description = "No LLM/TTS retry starts later than this after the first request (default: ${DEFAULT-VALUE}).")
  long retryBudgetMs;

  @Option(names = "--attempt-timeout-ms", defaultValue = "3000", description = "An LLM/TTS attempt with no first token or audio within this long is retried (default: ${DEFAULT-VALUE}).")
  long attemptTimeoutMs;

  @Option(names = "--fallback", negatable = true, defaultValue = "true", fallbackValue = "true", description = "After the retries, use the other LLM or TTS provider if its key is set (default: on).")
  boolean fallback;

  ServiceChoices serviceChoices() {
    return new ServiceChoices(
        llm, tts, preset, minTurnSilence, maxTurnSilence, keyterms, sttPrompt, systemPrompt, model,
        maxTokens, ttsSampleRate, voice);
  }

  ConversationSettings conversationSettings() {
    var words = backchannels == null ? InterruptionPolicy.DEFAULT_BACKCHANNELS : new LinkedHashSet<>(backchannels);
    var policy =
        new InterruptionPolicy(
            words, minWords, Duration.ofMillis(graceMs), new LinkedHashSet<>(alwaysInterrupt));
    return ConversationSettings.defaults().withPolicy(policy);
  }

  /** The conversation's settings with every behaviour flag; the echo guard is off in half-duplex. */
  ConversationSettings conversationSettings(boolean halfDuplex) {
    boolean guard = echoGuard == null ? !halfDuplex : echoGuard;
    FalseInterruptions pauses =
        resume
            ? FalseInterruptions.resumeAfter(Duration.ofMillis(resumeTimeoutMs))
            : FalseInterruptions.never();
    ConversationSettings settings =
        conversationSettings()
            .withEchoGuard(guard ? EchoGuard.on() : EchoGuard.off())
            .withFalseInterruptions(pauses);
    return failureNotice == null ? settings : settings.withFailureNotice(failureNotice);
  }

  RetryPolicy retryPolicy() {
    return RetryPolicy.DEFAULT
        .withMaxAttempts(retryAttempts)
        .withBudget(Duration.ofMillis(retryBudgetMs))
        .withAttemptTimeout(Duration.ofMillis(attemptTimeoutMs));
  }

  static final class PresetConverter implements picocli.CommandLine.ITypeConverter<TurnPreset> {
    @Override
    public TurnPreset convert(String value) {
      return TurnPreset.fromName(value);
    }
  }

  static final class LlmConverter implements picocli.CommandLine.ITypeConverter<Providers.Llm> {
    @Override
    public Providers.Llm convert(String value) {
      return Providers.Llm.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  static final class TtsConverter implements picocli.CommandLine.ITypeConverter<Providers.Tts> {
    @Override
    public Providers.Tts convert(String value) {
      return Providers.Tts.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
