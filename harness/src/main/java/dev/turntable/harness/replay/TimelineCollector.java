package dev.turntable.harness.replay;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Keeps every agent event with the audio position it happened at. Runs on the event loop. */
final class TimelineCollector implements AgentEventListener {
  private final List<AgentEventLine> lines = new ArrayList<>();
  private volatile LongSupplier audioPosition = () -> 0;

  void audioPosition(LongSupplier position) {
    this.audioPosition = position;
  }

  @Override
  public synchronized void onEvent(AgentEvent event) {
    lines.add(new AgentEventLine(audioPosition.getAsLong(), event));
  }

  synchronized Timeline timeline() {
    return new Timeline(lines);
  }
}
