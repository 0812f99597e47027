package dev.turntable.agent;

/** A running request that can be stopped. Cancelling twice, or after completion, does nothing. */
@FunctionalInterface
public interface Cancellable {
  void cancel();

  Cancellable NONE = () -> {};
}
