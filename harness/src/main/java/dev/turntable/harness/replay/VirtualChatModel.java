package dev.turntable.harness.replay;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.http.DeliveryGate;
import dev.turntable.agent.llm.ChatMessage;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.llm.LlmListener;
import dev.turntable.agent.llm.anthropic.AnthropicChatModel;
import dev.turntable.agent.llm.openai.OpenAiChatModel;
import dev.turntable.agent.time.VirtualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Request;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.internal.ServerSentEventReader;
import okio.Buffer;

/**
 * The LLM port on virtual time: each request takes the next reply for the provider's endpoint and
 * streams it in at its recorded pace. The body is parsed by OkHttp's SSE reader and the provider
 * adapter's own event reader, so a reply decodes to the same deltas as it does from a socket.
 */
final class VirtualChatModel implements ChatModel {
  private final VirtualScheduler time;
  private final Replies replies;
  private final Providers.Llm provider;

  /** Where replies come from: recorded exchanges, or generated from a script. */
  interface Replies {
    HttpReply next(Providers.Llm provider, List<ChatMessage> history);
  }

  VirtualChatModel(VirtualScheduler time, Replies replies, Providers.Llm provider) {
    this.time = time;
    this.replies = replies;
    this.provider = provider;
  }

  @Override
  public Cancellable stream(List<ChatMessage> history, LlmListener listener) {
    DeliveryGate<LlmEvent> gate = new DeliveryGate<>(listener::onLlm);
    EventSourceListener reader = provider == Providers.Llm.OPENAI
        ? OpenAiChatModel.streamReader(MockServices.PLACEHOLDER_KEY, gate)
        : AnthropicChatModel.streamReader(MockServices.PLACEHOLDER_KEY, gate);
    HttpReply reply = replies.next(provider, history);
    String url = "http://virtual.invalid" + reply.endpoint().substring(reply.endpoint().indexOf(' ') + 1);
    Stream stream = new Stream(ReplyDelivery.request(url), reader);
    ReplyDelivery delivery = ReplyDelivery.start(time, reply, url, stream);
    stream.delivery = delivery;
    return () -> {
      gate.close();
      delivery.cancel();
    };
  }

  /** One reply's SSE stream: whole events go to the reader as their last byte arrives. */
  private static final class Stream implements EventSource, ReplyDelivery.Receiver {
    private final Request request;
    private final EventSourceListener reader;
    private final Buffer pending = new Buffer();
    private ReplyDelivery delivery;

    Stream(Request request, EventSourceListener reader) {
      this.request = request;
      this.reader = reader;
    }

    @Override
    public void piece(byte[] bytes) {
      pending.write(bytes);
      long complete = completeEventsLength(pending);
      if (complete > 0) {
        Buffer events = new Buffer();
        events.write(pending, complete);
        dispatch(events);
      }
    }

    /** As OkHttp ends a stream: closed, or failed if it stops in the middle of an event. */
    @Override
    public void end() {
      if (pending.size() > 0) {
        reader.onFailure(this, new java.io.EOFException("the stream ended inside an event"), null);
        return;
      }
      reader.onClosed(this);
    }

    @Override
    public void failed(okhttp3.Response response) {
      reader.onFailure(this, null, response);
    }

    private void dispatch(Buffer events) {
      ServerSentEventReader sse = new ServerSentEventReader(events, new ServerSentEventReader.Callback() {
        @Override
        public void onEvent(String id, String type, String data) {
          reader.onEvent(Stream.this, id, type, data);
        }

        @Override
        public void onRetryChange(long timeMs) {}
      });
      try {
        while (sse.processNextEvent()) {
          // each call hands one whole event to the reader
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a recorded SSE body", e);
      }
    }

    /** Bytes up to and including the last blank line: the events that are complete. */
    private static long completeEventsLength(Buffer buffer) {
      String text = buffer.snapshot().string(StandardCharsets.ISO_8859_1);
      long end = 0;
      for (String blankLine : new String[] {"\n\n", "\r\r", "\r\n\r\n"}) {
        int at = text.lastIndexOf(blankLine);
        if (at >= 0) {
          end = Math.max(end, at + blankLine.length());
        }
      }
      return end;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public void cancel() {
      if (delivery != null) {
        delivery.cancel();
      }
    }
  }
}
