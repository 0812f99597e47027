package dev.turntable.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.turntable.agent.llm.LlmEvent;
import java.io.IOException;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/**
 * The part of a streamed LLM reply that does not depend on the provider: turning transport
 * failures, HTTP errors and premature ends into exactly one {@link LlmEvent.Failed}, and staying
 * silent once the stream was cancelled or already finished. Subclasses parse the provider's events.
 */
public abstract class LlmEventSourceListener extends EventSourceListener {
  private static final int MAX_QUOTED_DATA = 120;

  private final String provider;
  private final String secret;
  private final DeliveryGate<LlmEvent> gate;

  protected LlmEventSourceListener(String provider, String secret, DeliveryGate<LlmEvent> gate) {
    this.provider = provider;
    this.secret = secret;
    this.gate = gate;
  }

  /** Handles one SSE event; {@code type} is the {@code event:} name or null. */
  protected abstract void handle(EventSource source, String type, String data)
      throws JsonProcessingException;

  /** What a complete stream ends with, for the "ended early" message. */
  protected abstract String endMarker();

  @Override
  public final void onEvent(EventSource source, String id, String type, String data) {
    if (!gate.isOpen()) {
      return;
    }
    try {
      handle(source, type, data);
    } catch (JsonProcessingException e) {
      fail(source, provider + " sent a stream event that is not valid JSON: " + quote(data));
    }
  }

  @Override
  public final void onClosed(EventSource source) {
    gate.finish(new LlmEvent.Failed(provider + " stream ended before " + endMarker()
        + "; the reply is incomplete. Retry the request.", true));
  }

  @Override
  public final void onFailure(EventSource source, Throwable failure, Response response) {
    if (!gate.isOpen()) {
      return; // cancelled or already finished: OkHttp's "canceled" failure is expected noise
    }
    gate.finish(new LlmEvent.Failed(describe(source, failure, response), retryable(failure, response)));
  }

  protected final void text(String delta) {
    gate.deliver(new LlmEvent.TextDelta(delta));
  }

  protected final void complete(String stopReason) {
    gate.finish(new LlmEvent.Completed(stopReason));
  }

  /** Ends the reply with a failure and stops reading the rest of the stream. */
  protected final void fail(EventSource source, String message) {
    // An error object inside the stream ("overloaded_error") or a garbled event: worth one retry.
    gate.finish(new LlmEvent.Failed(Secrets.redact(message, secret), true));
    source.cancel();
  }

  protected final String provider() {
    return provider;
  }

  protected final String secret() {
    return secret;
  }

  private static boolean retryable(Throwable failure, Response response) {
    if (response != null && !response.isSuccessful()) {
      return HttpErrorMessages.retryable(response.code());
    }
    return failure == null || failure instanceof IOException; // dropped, refused, timed out
  }

  private String describe(EventSource source, Throwable failure, Response response) {
    if (response != null && !response.isSuccessful()) {
      return HttpErrorMessages.forResponse(provider, response, secret);
    }
    if (failure == null || failure instanceof IOException || response == null) {
      Throwable cause = failure == null ? new IOException("no response") : failure;
      return HttpErrorMessages.forFailure(provider, source.request().url(), cause, secret);
    }
    return Secrets.redact(provider + " replied with Content-Type '" + response.header("Content-Type")
        + "' instead of a text/event-stream. Check the base URL points at the provider's API.",
        secret);
  }

  private static String quote(String data) {
    String oneLine = data.replaceAll("\\s+", " ");
    return "'" + (oneLine.length() <= MAX_QUOTED_DATA
        ? oneLine : oneLine.substring(0, MAX_QUOTED_DATA) + "…") + "'";
  }
}
