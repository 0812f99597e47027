package dev.turntable.harness.cucumber;

import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.conversation.FalseInterruptions;
import dev.turntable.agent.turn.EchoGuard;
import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.ConversationScript.PolicySettings;
import dev.turntable.harness.replay.ConversationScript.RetrySettings;
import dev.turntable.harness.replay.ConversationScript.ServiceError;
import dev.turntable.harness.replay.ConversationScript.ServiceTiming;
import dev.turntable.harness.replay.ConversationScript.SttFault;
import dev.turntable.harness.replay.ConversationScript.TurnSilences;
import dev.turntable.harness.replay.ReplayClock;
import dev.turntable.harness.replay.ReplayOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The session one scenario is about: a fixture or an inline conversation, the settings the Given
 * steps changed, and — once a Then step asks — what happened. One instance per scenario, shared by
 * every step class through constructor injection; inject it into your own steps to reach the
 * result.
 */
public final class ScenarioSession {

  private String name = "scenario";
  private Fixture fixture;
  private String containerImage;
  private ConversationScript script;
  private PolicySettings policy = new PolicySettings(null, null, null, null);
  private InterruptionPolicy basePolicy;
  private TurnSilences turns;
  private ServiceTiming timing = new ServiceTiming(null, null, null);
  private final List<SttFault> sttFaults = new ArrayList<>();
  private final List<ServiceError> errors = new ArrayList<>();
  private EchoGuard echoGuard;
  private RetrySettings retry;
  private FalseInterruptions falseInterruptions;
  private ReplayOptions options = ReplayOptions.virtual();
  private SessionResult result;
  private Consumer<SessionResult> whenRun = r -> {};

  void name(String scenarioName) {
    this.name = scenarioName;
  }

  /** Called once with the result, right after the session ran (e.g. to attach its timeline). */
  void whenRun(Consumer<SessionResult> listener) {
    this.whenRun = listener;
  }

  String name() {
    return name;
  }

  void useFixture(Fixture fixture) {
    requireNotRun();
    this.fixture = fixture;
    this.script = null;
  }

  void useScript(ConversationScript script) {
    requireNotRun();
    this.script = script;
    this.fixture = null;
    // Settings a step made before the conversation was given win over the script's own.
    PolicySettings fromSteps = policy;
    policy = script.policy();
    policy(fromSteps);
    ServiceTiming timingFromSteps = timing;
    timing = script.timing();
    timing(timingFromSteps);
    turns = turns != null ? turns : script.turns();
    sttFaults.addAll(script.sttFaults());
    errors.addAll(script.errors());
  }

  /**
   * The policy every setting step starts from instead of the agent's default, e.g. to run a suite
   * against a policy under test. Call it from a {@code @Before} hook.
   */
  public void basePolicy(InterruptionPolicy policy) {
    requireNotRun();
    this.basePolicy = policy;
  }

  void policy(PolicySettings changed) {
    requireNotRun();
    policy =
        new PolicySettings(
            changed.backchannels() != null ? changed.backchannels() : policy.backchannels(),
            changed.minWords() != null ? changed.minWords() : policy.minWords(),
            changed.graceMs() != null ? changed.graceMs() : policy.graceMs(),
            changed.alwaysInterrupt() != null ? changed.alwaysInterrupt() : policy.alwaysInterrupt());
  }

  /** The echo guard to run with instead of the default (on). */
  void echoGuard(EchoGuard guard) {
    requireNotRun();
    this.echoGuard = guard;
  }

  /** What a passing partial does instead of the default (pause, resume after 2 s). */
  void falseInterruptions(FalseInterruptions handling) {
    requireNotRun();
    this.falseInterruptions = handling;
  }

  /** The agent retries failed LLM and TTS requests (and falls back, if {@code retry} says so). */
  void retry(RetrySettings settings) {
    requireScript("retrying failed requests");
    retry =
        retry == null
            ? settings
            : new RetrySettings(
                settings.attempts() != null ? settings.attempts() : retry.attempts(),
                retry.withFallback() || settings.withFallback());
  }

  void turns(TurnSilences silences) {
    requireScript("turn detection");
    turns = silences;
  }

  void timing(ServiceTiming changed) {
    requireScript("service timing");
    timing =
        new ServiceTiming(
            changed.llmFirstTokenMs() != null ? changed.llmFirstTokenMs() : timing.llmFirstTokenMs(),
            changed.llmTokensPerSecond() != null ? changed.llmTokensPerSecond() : timing.llmTokensPerSecond(),
            changed.ttsFirstByteMs() != null ? changed.ttsFirstByteMs() : timing.ttsFirstByteMs());
  }

  void sttFault(SttFault fault) {
    requireScript("an STT fault");
    sttFaults.add(fault);
  }

  void serviceError(ServiceError error) {
    requireScript("a service error");
    errors.add(error);
  }

  /** The recorded session's mocks run in this Turntable image instead of in-process. */
  void useContainer(String image) {
    containerImage = image;
  }

  /** Runs the session now: on virtual time, or over the wire at a speed. */
  void run(ReplayOptions how) throws Exception {
    requireNotRun();
    this.options = how;
    result();
  }

  /** What happened; runs the session first if no step has yet. */
  public SessionResult result() throws Exception {
    if (result == null) {
      if (fixture != null && containerImage != null) {
        result = SessionRunner.container(fixture, containerImage, options);
      } else if (fixture != null) {
        result = SessionRunner.fixture(fixture, fixtureSettings(), options);
      } else if (script != null) {
        ConversationScript effective = effectiveScript();
        ReplayOptions how = conversationChanged()
            ? options.withSettings(withConversationChanges(effective.conversationSettings()))
            : options;
        result = SessionRunner.script(effective, name, how);
      } else {
        throw new IllegalStateException(
            "no session to check: start the scenario with Given the recorded session \"fixtures/…\" or Given the conversation:");
      }
      whenRun.accept(result);
    }
    return result;
  }

  /** An inline conversation rather than a recorded session. */
  boolean scripted() {
    return script != null;
  }

  /** Whether the agent runs with its echo guard on (the default). */
  boolean echoGuardOn() {
    return echoGuard == null || echoGuard.enabled();
  }

  /** Whether a passing partial only pauses the agent (the default). */
  boolean resumeOn() {
    return falseInterruptions == null || falseInterruptions.resume();
  }

  boolean hasRun() {
    return result != null;
  }

  /** The wire speed; 1 on virtual time, where session time is all there is. */
  double speed() {
    return options.clock() == ReplayClock.WIRE ? options.speed() : 1;
  }

  /** The script with every setting the steps made. */
  ConversationScript effectiveScript() {
    PolicySettings effective = policy;
    if (basePolicy != null) {
      effective =
          new PolicySettings(
              policy.backchannels() != null ? policy.backchannels() : List.copyOf(basePolicy.backchannels()),
              policy.minWords() != null ? policy.minWords() : basePolicy.minWords(),
              policy.graceMs() != null ? policy.graceMs() : basePolicy.graceWindow().toMillis(),
              policy.alwaysInterrupt() != null ? policy.alwaysInterrupt() : List.copyOf(basePolicy.alwaysInterrupt()));
    }
    ConversationScript changed = script.with(timing, turns, effective, sttFaults, errors);
    return retry != null ? changed.withRetry(retry) : changed;
  }

  private boolean conversationChanged() {
    return echoGuard != null || falseInterruptions != null;
  }

  private ConversationSettings withConversationChanges(ConversationSettings settings) {
    ConversationSettings changed = echoGuard != null ? settings.withEchoGuard(echoGuard) : settings;
    return falseInterruptions != null ? changed.withFalseInterruptions(falseInterruptions) : changed;
  }

  /** The recorded settings, or null to keep them when no step changed the policy. */
  private ConversationSettings fixtureSettings() {
    boolean changed =
        conversationChanged()
            || basePolicy != null
            || policy.backchannels() != null
            || policy.minWords() != null
            || policy.graceMs() != null
            || policy.alwaysInterrupt() != null;
    if (!changed) {
      return null;
    }
    InterruptionPolicy recorded =
        dev.turntable.harness.replay.FixtureSettings.conversation(fixture.manifest()).policy();
    InterruptionPolicy base = basePolicy != null ? basePolicy : recorded;
    return withConversationChanges(ConversationSettings.defaults())
        .withPolicy(
            new InterruptionPolicy(
                policy.backchannels() != null ? Set.copyOf(policy.backchannels()) : base.backchannels(),
                policy.minWords() != null ? policy.minWords() : base.minWords(),
                policy.graceMs() != null ? Duration.ofMillis(policy.graceMs()) : base.graceWindow(),
                policy.alwaysInterrupt() != null ? Set.copyOf(policy.alwaysInterrupt()) : base.alwaysInterrupt()));
  }

  private void requireScript(String what) {
    requireNotRun();
    if (fixture != null) {
      throw new IllegalStateException(
          "a recorded session replays its recorded services; " + what
              + " can only be set for an inline conversation (Given the conversation:)");
    }
  }

  private void requireNotRun() {
    if (result != null) {
      throw new IllegalStateException("the session has already run: put Given steps before When and Then steps");
    }
  }
}
