package dev.turntable.agent.stt.assemblyai;

import java.time.Duration;

/** Words for Failure events: the close diagnosis plus what the server and the options add. */
final class FailureMessages {
  private FailureMessages() {}

  static String explain(
      CloseCodes.Diagnosis diagnosis,
      ServerMessage.ServerError serverError,
      AssemblyAiOptions options) {
    StringBuilder message = new StringBuilder(diagnosis.message());
    if (serverError != null
        && !serverError.text().isBlank()
        && !diagnosis.message().contains(serverError.text())) {
      // The close reason is cut at 123 bytes; the Error frame before it has the full text.
      message.append(". AssemblyAI said: ").append(serverError.text());
    }
    switch (diagnosis.code()) {
      case CloseCodes.NEVER_CONNECTED -> message.append(". URL: ").append(options.url());
      case CloseCodes.NORMAL -> message.append(", without a Termination message");
      case CloseCodes.UNAUTHORIZED, 401, 403 -> {
        if (options.credential().kind() == AssemblyAiCredential.Kind.TEMPORARY_TOKEN) {
          message.append(". Temporary tokens are single-use and expire: mint one per session");
        }
      }
      default -> {}
    }
    return message.toString();
  }

  static String retrying(String message, int attempt, int maxAttempts, Duration delay) {
    return message
        + ". Reconnecting in "
        + delay.toMillis()
        + " ms (attempt "
        + attempt
        + " of "
        + maxAttempts
        + ")";
  }

  static String gaveUp(String message, int attempts) {
    return attempts == 0
        ? message + ". Reconnecting is disabled"
        : message + ". Gave up after " + attempts + " reconnect attempt(s)";
  }
}
