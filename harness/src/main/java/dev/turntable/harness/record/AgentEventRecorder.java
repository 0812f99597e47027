package dev.turntable.harness.record;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.FixtureWriter;
import java.util.function.LongSupplier;

/** Writes each agent event to agent.jsonl with the audio sent to STT at that moment. */
final class AgentEventRecorder implements AgentEventListener {
  private final FixtureWriter writer;
  private final LongSupplier audioMs;
  private final RecordingFailures failures;

  AgentEventRecorder(FixtureWriter writer, LongSupplier audioMs, RecordingFailures failures) {
    this.writer = writer;
    this.audioMs = audioMs;
    this.failures = failures;
  }

  @Override
  public void onEvent(AgentEvent event) {
    AgentEventLine line = new AgentEventLine(audioMs.getAsLong(), event);
    failures.run("agent.jsonl", () -> writer.writeAgentEvent(line));
  }
}
