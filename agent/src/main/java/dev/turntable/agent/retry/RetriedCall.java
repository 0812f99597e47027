package dev.turntable.agent.retry;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One logical request over attempts: the primary provider, retried per the {@link RetryPolicy},
 * then the fallback. Attempts' events and timers are handled on {@code loop}, so its state needs no
 * locks; only delivery and {@link #cancel} (called from the caller's thread) share one.
 */
final class RetriedCall<E> implements Cancellable {
  private final List<Function<Consumer<E>, Cancellable>> providers;
  private final RetryPolicy policy;
  private final LoopScheduler loop;
  private final Clock clock;
  private final StreamEvents<E> events;
  private final Consumer<E> out;

  // Loop-confined.
  private long begunNanos;
  private int provider;
  private int attempt;
  private int current;
  private Cancellable call = Cancellable.NONE;
  private Cancellable timeout = Cancellable.NONE;
  private boolean delivered;
  private boolean done;

  private boolean cancelled; // guarded by this

  RetriedCall(
      List<Function<Consumer<E>, Cancellable>> providers,
      RetryPolicy policy,
      LoopScheduler loop,
      Clock clock,
      StreamEvents<E> events,
      Consumer<E> out) {
    this.providers = providers;
    this.policy = policy;
    this.loop = loop;
    this.clock = clock;
    this.events = events;
    this.out = out;
  }

  RetriedCall<E> start() {
    loop.execute(() -> {
      begunNanos = clock.nanoTime();
      begin(0, 1);
    });
    return this;
  }

  @Override
  public void cancel() {
    synchronized (this) {
      cancelled = true;
    }
    loop.execute(() -> {
      done = true;
      timeout.cancel();
      call.cancel();
    });
  }

  private void begin(int providerIndex, int attemptNumber) {
    if (isCancelled()) {
      return;
    }
    provider = providerIndex;
    attempt = attemptNumber;
    int id = ++current;
    timeout = loop.schedule(policy.attemptTimeout(), () -> onTimeout(id));
    try {
      call = providers.get(provider).apply(e -> loop.execute(() -> onEvent(id, e)));
    } catch (RuntimeException e) {
      loop.execute(() -> onEvent(id, events.failed(e.toString(), true)));
    }
  }

  private void onEvent(int id, E event) {
    if (id != current || done) {
      return;
    }
    StreamEvents.Failure failure = events.failure(event);
    if (events.isContent(event)) {
      delivered = true;
      timeout.cancel();
      deliver(event);
    } else if (failure != null && !delivered) {
      timeout.cancel();
      next(failure);
    } else {
      timeout.cancel();
      done = true;
      deliver(event); // completed, or failed after content: a retry would repeat what was said
    }
  }

  private void onTimeout(int id) {
    if (id != current || done || delivered) {
      return;
    }
    call.cancel();
    next(new StreamEvents.Failure(
        "no answer within " + policy.attemptTimeout().toMillis() + " ms", true));
  }

  private void next(StreamEvents.Failure failure) {
    current++; // late events of the failed attempt are ignored
    Duration backoff = policy.backoffBefore(attempt + 1);
    Duration elapsed = Duration.ofNanos(clock.nanoTime() - begunNanos);
    boolean retry =
        provider == 0
            && failure.retryable()
            && attempt < policy.maxAttempts()
            && elapsed.plus(backoff).compareTo(policy.budget()) <= 0;
    if (retry) {
      deliver(events.retrying(failure.message() + "; retrying in " + backoff.toMillis() + " ms"));
      int nextAttempt = attempt + 1;
      timeout = loop.schedule(backoff, () -> begin(0, nextAttempt));
    } else if (provider + 1 < providers.size()) {
      deliver(events.retrying(failure.message() + "; trying the fallback provider"));
      begin(provider + 1, 1);
    } else {
      done = true;
      String tried = attempt > 1 || provider > 0 ? " (gave up after retrying)" : "";
      deliver(events.failed(failure.message() + tried, failure.retryable()));
    }
  }

  private synchronized boolean isCancelled() {
    return cancelled;
  }

  private synchronized void deliver(E event) {
    if (!cancelled) {
      out.accept(event);
    }
  }
}
