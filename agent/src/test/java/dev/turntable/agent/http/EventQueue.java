package dev.turntable.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects events from a callback thread; tests take them in order with a timeout. */
public final class EventQueue<E> {
  private static final long TIMEOUT_SECONDS = 10;

  private final BlockingQueue<E> events = new LinkedBlockingQueue<>();

  public void add(E event) {
    events.add(event);
  }

  public E next(String what) throws InterruptedException {
    E event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("timed out waiting for " + what);
    }
    return event;
  }

  public <T extends E> T next(Class<T> type, String what) throws InterruptedException {
    E event = next(what);
    assertThat(event).as(what).isInstanceOf(type);
    return type.cast(event);
  }

  public void assertNoMore() {
    assertThat(events).as("events delivered after the stream ended").isEmpty();
  }
}
