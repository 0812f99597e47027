package dev.turntable.harness.cli;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.agent.turn.InterruptionPolicy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** The agent's behaviour flags, shared by {@code turntable agent} and other commands that run it. */
final class AgentOptions {
  @Option(names = "--preset", defaultValue = "balanced", description = "Turn detection: fast, balanced or patient (default: ${DEFAULT-VALUE}).", converter = Converters.Preset.class)
  TurnPreset preset;

  @Option(names = "--llm", defaultValue = "openai", description = "openai or anthropic (default: ${DEFAULT-VALUE}).", converter = Converters.Llm.class)
  Providers.Llm llm;

  @Option(names = "--tts", defaultValue = "elevenlabs", description = "elevenlabs or cartesia (default: ${DEFAULT-VALUE}).", converter = Converters.Tts.class)
  Providers.Tts tts;

  @Option(names = "--model", description = "LLM model (default: the provider's fast model).")
  String model;

  @Option(names = "--max-tokens", converter = Converters.PositiveInt.class, description = "Longest LLM reply in tokens.")
  Integer maxTokens;

  @Option(names = "--system-prompt", description = "Instructions for the LLM.")
  String systemPrompt;

  @Option(names = "--voice", description = "TTS voice id (default: ELEVENLABS_VOICE_ID or CARTESIA_VOICE_ID).")
  String voice;

  @Option(names = "--tts-sample-rate", defaultValue = "16000", converter = Converters.SampleRate.class, description = "TTS and speaker sample rate in Hz (default: ${DEFAULT-VALUE}).")
  int ttsSampleRate;

  @Option(names = "--min-turn-silence", converter = Converters.NonNegativeInt.class, description = "ms of silence before AssemblyAI checks for an end of turn (overrides the preset).")
  Integer minTurnSilence;

  @Option(names = "--max-turn-silence", converter = Converters.NonNegativeInt.class, description = "ms of silence that always ends a turn (overrides the preset).")
  Integer maxTurnSilence;

  @Option(names = "--keyterms", split = ",", description = "Words AssemblyAI should expect, comma separated.")
  List<String> keyterms;

  @Option(names = "--stt-prompt", description = "Prompt for Universal-3 Pro.")
  String sttPrompt;

  @Option(names = "--min-words", defaultValue = "2", converter = Converters.NonNegativeInt.class, description = "While the agent speaks, shorter turns are ignored (default: ${DEFAULT-VALUE}).")
  int minWords;

  @Option(names = "--grace-ms", defaultValue = "1000", converter = Converters.NonNegativeLong.class, description = "Keep filtering this long after the agent's audio really ended (default: ${DEFAULT-VALUE}).")
  long graceMs;

  @Option(names = "--always-interrupt", split = ",", defaultValue = "stop,wait,no,yes", description = "Words that interrupt however short the turn (default: ${DEFAULT-VALUE}).")
  List<String> alwaysInterrupt;

  @Option(names = "--backchannels", split = ",", description = "Words ignored while the agent speaks (default: mhm, yeah, okay … as in the barge-in guide).")
  List<String> backchannels;

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
}
