package dev.turntable.harness.check;

import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.agent.conversation.AgentEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The agent events of one session, in order, each with the audio position it happened at. */
public record Timeline(List<AgentEventLine> events) {
  public Timeline {
    events = List.copyOf(events);
  }

  public <T extends AgentEvent> List<T> all(Class<T> type) {
    return events.stream().map(AgentEventLine::event).filter(type::isInstance).map(type::cast).toList();
  }

  public List<AgentEventLine> entries(Class<? extends AgentEvent> type) {
    return events.stream().filter(e -> type.isInstance(e.event())).toList();
  }

  /** The first event of {@code type} at or after index {@code from} that matches. */
  public <T extends AgentEvent> Optional<AgentEventLine> first(
      Class<T> type, int from, Predicate<T> matching) {
    for (int i = Math.max(0, from); i < events.size(); i++) {
      AgentEvent event = events.get(i).event();
      if (type.isInstance(event) && matching.test(type.cast(event))) {
        return Optional.of(events.get(i));
      }
    }
    return Optional.empty();
  }

  public int indexOf(AgentEventLine entry) {
    return events.indexOf(entry);
  }

  /**
   * The session as a person reads it: user turns, the agent's replies, barge-in decisions with
   * their rules, errors, one line each at audio time (the same at any replay speed).
   */
  public String printed() {
    return TimelinePrinter.print(this);
  }

  /**
   * Where {@code other} decided differently from this timeline, each difference naming the turn or
   * reply and where it happened; empty when both decided alike. Times, audio positions and how much
   * of a reply was heard are masked, so two runs of one session at any speed must agree.
   */
  public List<String> decisionDifferences(Timeline other) {
    return DecisionDiff.between(Decisions.of(this), Decisions.of(other));
  }

  /**
   * Where the STT session of the event at {@code index} began, in ms of audio sent: 0, or after a
   * reconnect the audio position of the last {@code SttReconnected} before it. A reconnected
   * session counts its word timestamps from its own first audio, which is the audio sent by then
   * (what the microphone captured while the connection was down never reached STT), so every
   * measure that compares word times with audio positions adds this offset.
   */
  public long sttSessionStartMs(int index) {
    for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
      if (events.get(i).event() instanceof AgentEvent.SttReconnected) {
        return events.get(i).audioMs();
      }
    }
    return 0;
  }
}
