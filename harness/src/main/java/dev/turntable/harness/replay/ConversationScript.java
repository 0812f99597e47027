package dev.turntable.harness.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.harness.fixture.TurnLabel;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.retry.RetryPolicy;
import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.harness.mockstt.Fault;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.Utterance;
import dev.turntable.harness.stubs.HttpFault;
import dev.turntable.harness.stubs.ServiceStub;
import dev.turntable.harness.stubs.ServiceStubs;
import dev.turntable.harness.stubs.StubReply;
import dev.turntable.harness.stubs.StubTiming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation to run without a microphone: what the user says and when, what the LLM answers in
 * order, and optionally how the services behave. Stored beside a synthesized fixture as {@code
 * conversation.json}, read by {@code turntable synthesize}, and written inline in Gherkin. The
 * fields are documented in {@code harness/docs/conversation-script.md}:
 *
 * <pre>{@code
 * {"description": "a backchannel while the agent speaks",
 *  "user": [{"text": "What's the weather tomorrow?", "at_ms": 500},
 *           {"text": "Mhm.", "at_ms": 4200, "duration_ms": 400}],
 *  "agent": ["Tomorrow will be sunny and warm, with a light breeze in the afternoon."],
 *  "tail_ms": 6000,
 *  "timing": {"llm_first_token_ms": 300, "llm_tokens_per_second": 40, "tts_first_byte_ms": 150},
 *  "turns": {"preset": "balanced"},
 *  "policy": {"backchannels": ["mhm", "yeah"], "min_words": 2},
 *  "stt_faults": [{"drop_at_ms": 5000}],
 *  "errors": [{"service": "llm", "status": 500}],
 *  "retry": {"attempts": 3, "fallback": true},
 *  "expected": {"turns": 1, "bargeIns": {"accepted": 0, "suppressed": 1}}}
 * }</pre>
 *
 * Every field but {@code user} and {@code agent} is optional; a missing one keeps the default.
 * Each utterance spans {@code duration_ms}, or the {@link UtteranceDurations} estimate: the script,
 * never the speech engine, fixes when the user speaks, so every decision is the same whichever
 * engine made the audio.
 *
 * @param tailMs silence after the last utterance, long enough for the agent to finish
 */
public record ConversationScript(
    String description,
    List<String> tags,
    List<UserLine> user,
    List<String> agent,
    long tailMs,
    JsonNode expected,
    ServiceTiming timing,
    TurnSilences turns,
    PolicySettings policy,
    List<SttFault> sttFaults,
    List<ServiceError> errors,
    RetrySettings retry) {

  /**
   * One utterance, starting {@code atMs} into the session, lasting {@code durationMs} if set; its
   * {@code label} (interrupt, ignore, ordinary) says what the agent should do with the turn and
   * becomes {@code expected.labels} in a synthesized fixture.json.
   */
  public record UserLine(String text, long atMs, Long durationMs, String label) {
    public UserLine {
      if (label != null && TurnLabel.Expect.fromJson(label).isEmpty()) {
        throw new IllegalArgumentException("label \"" + label + "\" of \"" + text + "\" is not one of "
            + TurnLabel.Expect.allowed());
      }
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("a user line needs some text");
      }
      if (atMs < 0) {
        throw new IllegalArgumentException("at_ms must not be negative, was " + atMs);
      }
      if (durationMs != null && durationMs <= 0) {
        throw new IllegalArgumentException("duration_ms must be positive, was " + durationMs);
      }
    }

    public UserLine(String text, long atMs) {
      this(text, atMs, null, null);
    }

    public UserLine(String text, long atMs, Long durationMs) {
      this(text, atMs, durationMs, null);
    }

    /** How long the user speaks: {@code duration_ms}, or the estimate for the text. */
    public long spanMs() {
      return durationMs != null ? durationMs : UtteranceDurations.estimateMs(text);
    }

    public long endMs() {
      return atMs + spanMs();
    }
  }

  /** The LLM and TTS stubs' timing; a missing field keeps {@link StubTiming#DEFAULT}'s. */
  public record ServiceTiming(Long llmFirstTokenMs, Double llmTokensPerSecond, Long ttsFirstByteMs) {
    public StubTiming toStubTiming() {
      StubTiming d = StubTiming.DEFAULT;
      return new StubTiming(
          llmFirstTokenMs == null ? d.llmFirstToken() : java.time.Duration.ofMillis(llmFirstTokenMs),
          llmTokensPerSecond == null ? d.llmTokensPerSecond() : llmTokensPerSecond,
          ttsFirstByteMs == null ? d.ttsFirstByte() : java.time.Duration.ofMillis(ttsFirstByteMs),
          d.ttsRealtimeFactor(),
          d.ttsChunk(),
          d.speed());
    }
  }

  /** The STT turn detection: a preset ("fast", "balanced", "patient") and/or explicit silences. */
  public record TurnSilences(String preset, Integer minTurnSilence, Integer maxTurnSilence) {
    public TurnSilences {
      if (preset != null) {
        TurnPreset.fromName(preset);
      }
      if (minTurnSilence != null && maxTurnSilence != null && minTurnSilence > maxTurnSilence) {
        throw new IllegalArgumentException(
            "min_turn_silence (" + minTurnSilence + ") must not exceed max_turn_silence (" + maxTurnSilence + ")");
      }
    }

    public TurnPreset turnPreset() {
      return preset == null ? ServiceChoices.defaults().preset() : TurnPreset.fromName(preset);
    }

    public int minMs() {
      return minTurnSilence != null ? minTurnSilence : turnPreset().minTurnSilenceMs();
    }

    public int maxMs() {
      return maxTurnSilence != null ? maxTurnSilence : turnPreset().maxTurnSilenceMs();
    }
  }

  /**
   * The barge-in policy; a missing field keeps the default. An empty list means no words (e.g. no
   * backchannels at all), which is not the same as leaving the field out.
   */
  public record PolicySettings(
      List<String> backchannels, Integer minWords, Long graceMs, List<String> alwaysInterrupt) {}

  /**
   * An STT connection fault at an audio position of each connection: {@code drop_at_ms} drops the
   * TCP connection (the client sees 1006), {@code close_at_ms} closes it with {@code code}.
   */
  public record SttFault(Long dropAtMs, Long closeAtMs, Integer code, String reason) {
    public SttFault {
      if ((dropAtMs == null) == (closeAtMs == null)) {
        throw new IllegalArgumentException("an STT fault needs exactly one of drop_at_ms or close_at_ms");
      }
      if (closeAtMs != null && code == null) {
        throw new IllegalArgumentException("close_at_ms needs a close code, e.g. \"code\": 1011");
      }
    }

    public long atMs() {
      return dropAtMs != null ? dropAtMs : closeAtMs;
    }

    public Fault toFault() {
      return dropAtMs != null
          ? new Fault.DropAt(dropAtMs)
          : new Fault.CloseAt(closeAtMs, code, reason == null ? "" : reason);
    }
  }

  /**
   * The first {@code times} requests to a service fail: with an HTTP {@code status}, or with
   * {@code fault} "cut" (the stream ends midway), "stream_error" (LLM only) or "reset".
   */
  public record ServiceError(String service, Integer status, String fault, Integer times) {
    public static final List<String> SERVICES = List.of("llm", "tts");
    public static final List<String> FAULTS = List.of("cut", "stream_error", "reset");

    public ServiceError {
      if (service == null || !SERVICES.contains(service)) {
        throw new IllegalArgumentException("errors: service must be one of " + SERVICES + ", was " + service);
      }
      if ((status == null) == (fault == null)) {
        throw new IllegalArgumentException("errors: give exactly one of status (e.g. 500) or fault " + FAULTS);
      }
      if (fault != null && !FAULTS.contains(fault)) {
        throw new IllegalArgumentException("errors: fault must be one of " + FAULTS + ", was " + fault);
      }
      if (status != null && (status < 400 || status > 599)) {
        throw new IllegalArgumentException("errors: status must be 400-599, was " + status);
      }
      times = times == null ? 1 : times;
      if (times < 1) {
        throw new IllegalArgumentException("errors: times must be at least 1, was " + times);
      }
    }

    public HttpFault toHttpFault() {
      if (status != null) {
        return HttpFault.status(status);
      }
      return switch (fault) {
        case "cut" -> HttpFault.cutMidway();
        case "stream_error" -> HttpFault.streamError();
        default -> HttpFault.connectionReset();
      };
    }
  }

  /**
   * The agent retries failed LLM and TTS requests as {@code turntable agent} does: up to {@code
   * attempts} (default 3) with backoff within the default budget, then, with {@code fallback},
   * once on the other provider, as when that provider's key is set. Without this field a replay
   * makes one attempt per request, so an injected error reaches the agent as it is.
   */
  public record RetrySettings(Integer attempts, Boolean fallback) {
    public RetrySettings {
      if (attempts != null && attempts < 1) {
        throw new IllegalArgumentException("retry: attempts must be at least 1, was " + attempts);
      }
    }

    public RetryPolicy policy() {
      return attempts == null ? RetryPolicy.DEFAULT : RetryPolicy.DEFAULT.withMaxAttempts(attempts);
    }

    public boolean withFallback() {
      return Boolean.TRUE.equals(fallback);
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ConversationScript {
    if (user == null || user.isEmpty() || agent == null || agent.isEmpty()) {
      throw new IllegalArgumentException("a conversation needs at least one user line and one agent reply");
    }
    user = List.copyOf(user);
    agent = List.copyOf(agent);
    tags = tags == null ? List.of() : List.copyOf(tags);
    tailMs = tailMs <= 0 ? 5_000 : tailMs;
    timing = timing == null ? new ServiceTiming(null, null, null) : timing;
    turns = turns == null ? new TurnSilences(null, null, null) : turns;
    policy = policy == null ? new PolicySettings(null, null, null, null) : policy;
    sttFaults = sttFaults == null ? List.of() : List.copyOf(sttFaults);
    errors = errors == null ? List.of() : List.copyOf(errors);
    for (int i = 1; i < user.size(); i++) {
      UserLine before = user.get(i - 1);
      if (user.get(i).atMs() < before.endMs()) {
        throw new IllegalArgumentException(
            "user line \"" + user.get(i).text() + "\" at " + user.get(i).atMs()
                + " ms starts before \"" + before.text() + "\" ends at " + before.endMs()
                + " ms (it lasts " + before.spanMs() + " ms; set duration_ms to shorten it)");
      }
    }
  }

  /** The format before service settings existed; every setting keeps its default. */
  public ConversationScript(
      String description, List<String> tags, List<UserLine> user, List<String> agent, long tailMs, JsonNode expected) {
    this(description, tags, user, agent, tailMs, expected, null, null, null, null, null, null);
  }

  public static ConversationScript load(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), ConversationScript.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(ScriptProblems.describe(file.toString(), e), e);
    }
  }

  /** Reads a script from JSON text, e.g. a Gherkin doc string; {@code source} names it in errors. */
  public static ConversationScript parse(String json, String source) {
    try {
      return JSON.readValue(json, ConversationScript.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(ScriptProblems.describe(source, e), e);
    }
  }

  /** The same conversation with other settings, as Gherkin steps set them one by one. */
  public ConversationScript with(
      ServiceTiming timing, TurnSilences turns, PolicySettings policy, List<SttFault> sttFaults, List<ServiceError> errors) {
    return new ConversationScript(
        description, tags, user, agent, tailMs, expected, timing, turns, policy, sttFaults, errors, retry);
  }

  /** The same conversation with the agent retrying failed requests, or not (null). */
  public ConversationScript withRetry(RetrySettings newRetry) {
    return new ConversationScript(
        description, tags, user, agent, tailMs, expected, timing, turns, policy, sttFaults, errors, newRetry);
  }

  /** What the scripted STT transcribes: each line over its span. */
  public List<Utterance> utterances() {
    return user.stream().map(line -> new Utterance(line.text(), line.atMs(), line.endMs())).toList();
  }

  /** The mock STT script: the utterances with the default u3-rt-pro timing. */
  public Script sttScript() {
    return Script.of(utterances().toArray(Utterance[]::new));
  }

  /** Length of the microphone audio: the last line's end plus the tail. */
  public long micDurationMs() {
    return user.get(user.size() - 1).endMs() + tailMs;
  }

  /** The agent's settings with this script's policy applied. */
  public ConversationSettings conversationSettings() {
    return ConversationSettings.defaults().withPolicy(PolicyOverrides.apply(policy));
  }

  /** The service choices with this script's turn detection. */
  public ServiceChoices serviceChoices() {
    ServiceChoices d = ServiceChoices.defaults();
    return new ServiceChoices(
        d.llm(), d.tts(), turns.turnPreset(), turns.minTurnSilence(), turns.maxTurnSilence(),
        d.keyterms(), d.sttPrompt(), d.systemPrompt(), d.llmModel(), d.maxTokens(), d.ttsSampleRate(), d.voice());
  }

  /** Makes the stubs answer with the scripted replies and fail as {@code errors} says. */
  public void applyTo(ServiceStubs stubs) {
    stubs.openAi().replies(agent.stream().map(StubReply::text).toList());
    for (ServiceError error : errors) {
      ServiceStub stub = error.service().equals("llm") ? stubs.openAi() : stubs.elevenLabs();
      for (int i = 0; i < error.times(); i++) {
        stub.failNext(error.toHttpFault());
      }
    }
  }

  /** The STT faults, as the mock server injects them into each connection. */
  public List<Fault> faults() {
    List<Fault> faults = new ArrayList<>();
    sttFaults.forEach(f -> faults.add(f.toFault()));
    return faults;
  }
}
