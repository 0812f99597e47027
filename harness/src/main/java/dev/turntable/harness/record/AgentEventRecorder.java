package dev.turntable.harness.record;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.FixtureWriter;
import java.util.function.LongSupplier;

/**
 * Writes each agent event to agent.jsonl with the audio sent to STT at that moment. The position is
 * read on the agent's loop, as the event is published; encoding and writing happen on the
 * recorder's thread, so the loop goes on at once.
 */
final class AgentEventRecorder implements AgentEventListener {
  private final FixtureWriter writer;
  private final LongSupplier audioMs;
  private final RecordingQueue queue;

  AgentEventRecorder(FixtureWriter writer, LongSupplier audioMs, RecordingQueue queue) {
    this.writer = writer;
    this.audioMs = audioMs;
    this.queue = queue;
  }

  @Override
  public void onEvent(AgentEvent event) {
    AgentEventLine line = new AgentEventLine(audioMs.getAsLong(), event);
    queue.submit("agent.jsonl", () -> writer.writeAgentEvent(line));
  }
}
