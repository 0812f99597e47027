package dev.turntable.harness.eval;

/** A fixture could not be evaluated; the message names it and the variant. */
public final class EvalException extends RuntimeException {
  EvalException(String message, Throwable cause) {
    super(message, cause);
  }
}
