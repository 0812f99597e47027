package dev.turntable.agent.retry;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.llm.LlmListener;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link ChatModel} that survives rate limits, server errors and stalls: it retries the request
 * per its {@link RetryPolicy}, then asks the fallback model, and only then reports the failure.
 * Each retry is announced with {@link LlmEvent.Retrying}. Nothing is retried once text has been
 * delivered, since the user may already be hearing it.
 */
public final class RetryingChatModel implements ChatModel {
  private static final StreamEvents<LlmEvent> EVENTS =
      new StreamEvents<>() {
        @Override
        public boolean isContent(LlmEvent event) {
          return event instanceof LlmEvent.TextDelta;
        }

        @Override
        public Failure failure(LlmEvent event) {
          return event instanceof LlmEvent.Failed f ? new Failure(f.message(), f.retryable()) : null;
        }

        @Override
        public LlmEvent failed(String message, boolean retryable) {
          return new LlmEvent.Failed(message, retryable);
        }

        @Override
        public LlmEvent retrying(String message) {
          return new LlmEvent.Retrying(message);
        }
      };

  private final ChatModel primary;
  private final Optional<ChatModel> fallback;
  private final RetryPolicy policy;
  private final LoopScheduler loop;
  private final Clock clock;

  /**
   * @param loop where attempts' events and timers are handled; live, a {@code TimerLoop}
   */
  public RetryingChatModel(
      ChatModel primary, Optional<ChatModel> fallback, RetryPolicy policy, LoopScheduler loop, Clock clock) {
    this.primary = primary;
    this.fallback = fallback;
    this.policy = policy;
    this.loop = loop;
    this.clock = clock;
  }

  @Override
  public Cancellable stream(List<ChatMessage> history, LlmListener listener) {
    List<Function<Consumer<LlmEvent>, Cancellable>> providers = new ArrayList<>();
    providers.add(out -> primary.stream(history, out::accept));
    fallback.ifPresent(model -> providers.add(out -> model.stream(history, out::accept)));
    return new RetriedCall<>(providers, policy, loop, clock, EVENTS, listener::onLlm).start();
  }
}
