package dev.turntable.harness.check;

import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.BargeInAccepted;
import dev.turntable.agent.conversation.AgentEvent.BargeInSuppressed;
import dev.turntable.agent.conversation.AgentEvent.LlmFirstToken;
import dev.turntable.agent.conversation.AgentEvent.LlmRequestSent;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStarted;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStopped;
import dev.turntable.agent.conversation.AgentEvent.TtsFirstAudio;
import dev.turntable.agent.conversation.AgentEvent.TtsRequestSent;
import dev.turntable.agent.conversation.AgentEvent.UserTurnEnded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The turn-timing and barge-in measures of one session (ARCHITECTURE.md, "the measures"), computed
 * from its timeline alone so live runs, replays and recorded fixtures are measured the same way.
 */
public record SessionMeasures(
    List<TurnMeasure> turns, List<BargeInMeasure> bargeIns, List<AgentEvent.AgentError> errors) {

  /** Agent audio may keep playing this long after the user starts talking before it is talk-over. */
  public static final double DEFAULT_REACTION_WINDOW_MS = 1500;

  public static SessionMeasures of(Timeline timeline) {
    return of(timeline, DEFAULT_REACTION_WINDOW_MS);
  }

  /**
   * Measured against what the speaker really played: an accepted barge-in's stop latency runs from
   * the interrupting turn's arrival to the last sample of agent audio that played after it.
   */
  public static SessionMeasures of(Timeline timeline, PlayedAudio played) {
    SessionMeasures fromEvents = of(timeline, DEFAULT_REACTION_WINDOW_MS);
    List<BargeInMeasure> bargeIns = new ArrayList<>();
    for (BargeInMeasure b : fromEvents.bargeIns()) {
      if (!b.accepted()) {
        bargeIns.add(b);
        continue;
      }
      double arrivedMs = b.arrivedMs();
      double stop = played.playingAt(arrivedMs).map(s -> s.endMs() - arrivedMs).orElse(0.0);
      bargeIns.add(new BargeInMeasure(
          b.turnOrder(), b.text(), true, b.rule(), b.audioMs(), b.arrivedMs(), stop, b.talkOverMs()));
    }
    return new SessionMeasures(fromEvents.turns(), bargeIns, fromEvents.errors());
  }

  public static SessionMeasures of(Timeline timeline, double reactionWindowMs) {
    List<TurnMeasure> turns = new ArrayList<>();
    for (AgentEventLine entry : timeline.entries(UserTurnEnded.class)) {
      turns.add(measureTurn(timeline, entry));
    }
    List<BargeInMeasure> bargeIns = new ArrayList<>();
    for (AgentEventLine entry : timeline.events()) {
      if (entry.event() instanceof BargeInSuppressed s) {
        bargeIns.add(
            new BargeInMeasure(
                s.turnOrder(), s.text(), false, s.rule(), entry.audioMs(), entry.tMs(), Double.NaN,
                Double.NaN));
      } else if (entry.event() instanceof BargeInAccepted a) {
        bargeIns.add(measureAccepted(timeline, entry, a, reactionWindowMs));
      }
    }
    return new SessionMeasures(turns, bargeIns, timeline.all(AgentEvent.AgentError.class));
  }

  public long accepted() {
    return bargeIns.stream().filter(BargeInMeasure::accepted).count();
  }

  public long suppressed() {
    return bargeIns.stream().filter(b -> !b.accepted()).count();
  }

  private static TurnMeasure measureTurn(Timeline timeline, AgentEventLine turnEntry) {
    UserTurnEnded turn = (UserTurnEnded) turnEntry.event();
    int at = timeline.indexOf(turnEntry);
    Optional<AgentEventLine> request = timeline.first(LlmRequestSent.class, at, e -> true);
    int reply = request.map(e -> ((LlmRequestSent) e.event()).reply()).orElse(-1);
    Optional<AgentEventLine> token = timeline.first(LlmFirstToken.class, at, e -> e.reply() == reply);
    Optional<AgentEventLine> tts =
        timeline.first(TtsRequestSent.class, at, e -> e.reply() == reply && e.segment() == 1);
    Optional<AgentEventLine> audio =
        timeline.first(TtsFirstAudio.class, at, e -> e.reply() == reply && e.segment() == 1);
    Optional<AgentEventLine> playing = timeline.first(PlaybackStarted.class, at, e -> e.reply() == reply);

    double sttMs = turn.lastWordEndMs() < 0
        ? Double.NaN
        : turnEntry.audioMs() - (timeline.sttSessionStartMs(at) + turn.lastWordEndMs());
    double beforeLlm = gap(Optional.of(turnEntry), request);
    double latency = sttMs + gap(Optional.of(turnEntry), playing);
    double llmSegment = gap(request, tts);
    double ttsAudio = gap(tts, audio);
    double playback = gap(audio, playing);
    double overhead = timeline.all(AgentEvent.AgentWork.class).stream()
        .filter(w -> w.reply() == reply)
        .mapToDouble(AgentEvent.AgentWork::workMs)
        .reduce(Double::sum)
        .orElse(Double.NaN);
    return new TurnMeasure(
        turn.turnOrder(),
        turn.text(),
        latency,
        sttMs,
        beforeLlm,
        gap(request, token),
        llmSegment,
        ttsAudio,
        playback,
        overhead);
  }

  private static BargeInMeasure measureAccepted(
      Timeline timeline, AgentEventLine entry, BargeInAccepted accepted, double windowMs) {
    int at = timeline.indexOf(entry);
    Optional<AgentEventLine> stopped = timeline.first(PlaybackStopped.class, at, e -> true);
    Optional<AgentEventLine> speechStart = lastSpeechStartBefore(timeline, at);
    double talkOver = Double.NaN;
    if (stopped.isPresent() && speechStart.isPresent()) {
      long startAudio = timeline.sttSessionStartMs(timeline.indexOf(speechStart.get()))
          + ((AgentEvent.SpeechStarted) speechStart.get().event()).audioMs();
      talkOver = Math.max(0, stopped.get().audioMs() - startAudio - windowMs);
    }
    return new BargeInMeasure(
        accepted.turnOrder(),
        accepted.text(),
        true,
        accepted.rule(),
        entry.audioMs(),
        entry.tMs(),
        gap(Optional.of(entry), stopped),
        talkOver);
  }

  private static Optional<AgentEventLine> lastSpeechStartBefore(Timeline timeline, int index) {
    for (int i = index; i >= 0; i--) {
      if (timeline.events().get(i).event() instanceof AgentEvent.SpeechStarted) {
        return Optional.of(timeline.events().get(i));
      }
    }
    return Optional.empty();
  }

  private static double gap(Optional<AgentEventLine> from, Optional<AgentEventLine> to) {
    return from.isPresent() && to.isPresent() ? to.get().tMs() - from.get().tMs() : Double.NaN;
  }
}
