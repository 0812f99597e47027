package dev.turntable.agent.llm.openai;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.http.DeliveryGate;
import dev.turntable.agent.http.JsonBody;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.llm.LlmListener;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OpenAI Chat Completions, streamed: {@code POST {baseUrl}/chat/completions} with SSE. */
public final class OpenAiChatModel implements ChatModel {
  public static final String PROVIDER = "OpenAI";
  private static final Logger log = LoggerFactory.getLogger(OpenAiChatModel.class);

  private final OpenAiOptions options;
  private final HttpUrl endpoint;
  private final EventSource.Factory eventSources;

  public OpenAiChatModel(OkHttpClient http, OpenAiOptions options) {
    Objects.requireNonNull(http, "http");
    this.options = Objects.requireNonNull(options, "options");
    this.endpoint = HttpUrl.get(options.baseUrl() + "/chat/completions");
    this.eventSources = EventSources.createFactory(http);
  }

  @Override
  public Cancellable stream(List<ChatMessage> history, LlmListener listener) {
    if (history == null || history.isEmpty()) {
      throw new IllegalArgumentException("history must hold at least the user's turn");
    }
    Request request = new Request.Builder()
        .url(endpoint)
        .header("Authorization", "Bearer " + options.apiKey())
        .header("Accept", "text/event-stream")
        .post(JsonBody.of(OpenAiRequest.of(options, history)))
        .build();
    DeliveryGate<LlmEvent> gate = new DeliveryGate<>(listener::onLlm);
    log.debug("streaming {} reply from {} ({} messages)", options.model(), endpoint, history.size());
    EventSource source = eventSources.newEventSource(request, new OpenAiStreamListener(
        options.apiKey(), gate));
    return () -> {
      gate.close();
      source.cancel();
    };
  }

  /**
   * The reader this adapter puts on its SSE stream: events in, {@link LlmEvent}s through {@code
   * gate}. Public so that an in-process replay parses recorded bodies exactly as the adapter
   * parses the wire.
   */
  public static okhttp3.sse.EventSourceListener streamReader(
      String apiKey, DeliveryGate<LlmEvent> gate) {
    return new OpenAiStreamListener(apiKey, gate);
  }
}
