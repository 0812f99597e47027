package dev.turntable.agent.http;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a stream's events to one listener until the stream ends or is cancelled, and never
 * after. OkHttp keeps calling back after {@code Call.cancel()} (typically with a "canceled"
 * failure); the gate swallows those so a cancelled request really goes quiet.
 *
 * <p>Delivery and {@link #close()} share one lock, so once {@code close()} returns no event is
 * being or will be delivered. The price: {@code close()} waits for a callback already in progress,
 * so a listener must not block waiting on the thread that cancels (listeners only enqueue).
 */
public final class DeliveryGate<E> {
  private static final Logger log = LoggerFactory.getLogger(DeliveryGate.class);

  private final Consumer<E> listener;
  private boolean open = true; // guarded by this

  public DeliveryGate(Consumer<E> listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener is required");
    }
    this.listener = listener;
  }

  /** Delivers a non-final event; returns false if the gate was already closed. */
  public synchronized boolean deliver(E event) {
    if (!open) {
      return false;
    }
    notifyListener(event);
    return true;
  }

  /** Delivers the stream's final event and closes the gate; returns false if already closed. */
  public synchronized boolean finish(E event) {
    if (!open) {
      return false;
    }
    open = false;
    notifyListener(event);
    return true;
  }

  /** Stops all further delivery. Idempotent. */
  public synchronized void close() {
    open = false;
  }

  public synchronized boolean isOpen() {
    return open;
  }

  private void notifyListener(E event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // A listener bug must not kill the HTTP thread or turn into a bogus stream failure.
      log.warn("listener threw on {}", event.getClass().getSimpleName(), e);
    }
  }
}
