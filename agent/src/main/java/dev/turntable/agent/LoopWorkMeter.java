package dev.turntable.agent;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.AgentWork;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import java.util.List;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Measures the agent's own work: every task handed to the loop is stamped when it arrives, and when
 * a task ends having sent an LLM request or written a segment's first audio to the speaker, the
 * time since its input arrived is published as an {@link AgentWork} event. The gap is measured
 * around the work, not between two events that one method publishes.
 */
final class LoopWorkMeter implements AgentEventListener {
  private final Clock clock;
  private final LongSupplier origin;
  private List<AgentEventListener> listeners = List.of();
  // Touched only on the loop, by the task being measured.
  private int requestedReply = -1;
  private int firstAudioReply = -1;

  LoopWorkMeter(Clock clock, LongSupplier origin) {
    this.clock = clock;
    this.origin = origin;
  }

  void publishTo(List<AgentEventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** The loop as the conversation sees it: the same queue, each task stamped on arrival. */
  LoopScheduler wrap(LoopScheduler loop) {
    return new LoopScheduler() {
      @Override
      public void execute(Runnable task) {
        long arrived = clock.nanoTime();
        loop.execute(() -> measure(task, arrived));
      }

      @Override
      public Cancellable schedule(Duration delay, Runnable task) {
        return loop.schedule(delay, () -> measure(task, clock.nanoTime()));
      }
    };
  }

  private void measure(Runnable task, long arrived) {
    requestedReply = -1;
    firstAudioReply = -1;
    try {
      task.run();
    } finally {
      long now = clock.nanoTime();
      double workMs = (now - arrived) / 1e6;
      if (requestedReply >= 0) {
        publish(new AgentWork(now - origin.getAsLong(), requestedReply, AgentWork.LLM_REQUEST, workMs));
      }
      if (firstAudioReply >= 0) {
        publish(new AgentWork(now - origin.getAsLong(), firstAudioReply, AgentWork.SPEAKER_WRITE, workMs));
      }
    }
  }

  @Override
  public void onEvent(AgentEvent event) {
    if (event instanceof AgentEvent.LlmRequestSent sent) {
      requestedReply = sent.reply();
    } else if (event instanceof AgentEvent.TtsFirstAudio audio) {
      firstAudioReply = audio.reply();
    }
  }

  private void publish(AgentWork work) {
    for (AgentEventListener listener : listeners) {
      listener.onEvent(work);
    }
  }
}
