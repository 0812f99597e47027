package dev.turntable.harness.mockstt;

import dev.turntable.harness.mockstt.TurnMessages.Word;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plays a {@link Script} the way u3-rt-pro would transcribe it, timed by the audio received: for
 * each utterance a {@code SpeechStarted}, an early partial after {@code early_partial_after_ms} of
 * long speech, a partial at {@code min_turn_silence} when the text does not end in . ? !, and the
 * final Turn at {@code min_turn_silence} (sentence) or {@code max_turn_silence} (otherwise). An
 * utterance that starts before the previous turn's final is due ends that turn at its start.
 * {@code ForceEndpoint} ends the current turn with the words heard so far (the rest of that
 * utterance is dropped); {@code Terminate} does the same for every started turn.
 */
public final class ScriptedDriver implements SessionDriver {
  private final Script script;
  private final List<ScriptedTurn> turns;
  private SessionHandle session;
  private long minSilenceMs;
  private long maxSilenceMs;
  private int current;

  ScriptedDriver(Script script) {
    this.script = script;
    this.turns = script.utterances().stream().map(ScriptedTurn::new).toList();
  }

  public static Supplier<SessionDriver> factory(Script script) {
    return () -> new ScriptedDriver(script);
  }

  @Override
  public void opened(SessionParameters parameters, SessionHandle session) {
    this.session = session;
    minSilenceMs = script.minTurnSilenceMs().orElse(parameters.minTurnSilenceMs());
    maxSilenceMs = script.maxTurnSilenceMs().orElse(parameters.maxTurnSilenceMs());
  }

  @Override
  public void audioReceived(long totalAudioMs) {
    while (current < turns.size()) {
      ScriptedTurn turn = turns.get(current);
      turn.advance(totalAudioMs, timing(), new Output(current));
      if (!turn.finished()) {
        return;
      }
      current++;
    }
  }

  @Override
  public void forceEndpoint() {
    if (current < turns.size() && session.audioMs() >= turns.get(current).startMs()) {
      turns.get(current).endNow(session.audioMs(), new Output(current));
      if (turns.get(current).finished()) {
        current++;
      }
    }
  }

  @Override
  public void terminate() {
    for (int i = current; i < turns.size(); i++) {
      if (session.audioMs() >= turns.get(i).startMs()) {
        turns.get(i).endNow(session.audioMs(), new Output(i));
      }
    }
    current = turns.size();
  }

  /** The client's new turn silences win over the script's from now on. */
  @Override
  public void configUpdated(SessionParameters parameters, Set<String> changed) {
    if (changed.contains("min_turn_silence")) {
      minSilenceMs = parameters.minTurnSilenceMs();
    }
    if (changed.contains("max_turn_silence")) {
      maxSilenceMs = parameters.maxTurnSilenceMs();
    }
  }

  private ScriptedTurn.Timing timing() {
    long nextStart = current + 1 < turns.size() ? turns.get(current + 1).startMs() : Long.MAX_VALUE;
    return new ScriptedTurn.Timing(minSilenceMs, maxSilenceMs, script.speechStartedDelayMs(),
        script.earlyPartialAfterMs(), nextStart);
  }

  private final class Output implements ScriptedTurn.Output {
    private final int turnOrder;

    Output(int turnOrder) {
      this.turnOrder = turnOrder;
    }

    @Override
    public void release(boolean endOfTurn, List<Word> words, long dueAudioMs) {
      session.release(TurnMessages.turn(turnOrder, words, endOfTurn, session.parameters(), script),
          dueAudioMs);
    }

    @Override
    public void releaseSpeechStarted(long timestampMs, long dueAudioMs) {
      session.release(TurnMessages.speechStarted(timestampMs), dueAudioMs);
    }

    @Override
    public void sendSpeechStarted(long timestampMs) {
      session.send(TurnMessages.speechStarted(timestampMs));
    }

    @Override
    public void sendFinal(List<Word> words) {
      session.send(TurnMessages.turn(turnOrder, words, true, session.parameters(), script));
    }
  }
}
