package dev.turntable.harness.stubs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The events of one streamed LLM reply, in three parts, so a fault can end it early: the opening
 * events, one event per token, and the closing events; plus the event a failing stream sends.
 * Each event is a complete SSE frame ending in a blank line.
 */
record SseStream(List<String> opening, List<String> tokens, List<String> closing, String errorEvent) {
  SseStream {
    opening = List.copyOf(opening);
    tokens = List.copyOf(tokens);
    closing = List.copyOf(closing);
    Objects.requireNonNull(errorEvent, "errorEvent");
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("a streamed reply needs at least one token");
    }
  }

  /** The stream as a reply paced at one token event per {@code millisPerToken}. */
  RenderedReply reply(ReplySettings settings) {
    List<String> events = events(settings);
    String body = String.join("", events);
    int bodyBytes = bytes(body);
    int firstTokenEnd = bytes(String.join("", opening)) + bytes(tokens.get(0));
    double tokenBytes = tokens.stream().mapToInt(SseStream::bytes).average().orElse(1);
    return RenderedReply.text(
        RenderedReply.EVENT_STREAM,
        body,
        DeliveryPlan.streamed(
            settings.firstByteMillis(), bodyBytes, firstTokenEnd, tokenBytes, settings.millisPerToken()),
        settings.cutAfter() != null);
  }

  /** The events to send, as the settings' ending asks: whole, cut, or failing mid-way. */
  List<String> events(ReplySettings settings) {
    List<String> events = new ArrayList<>(opening);
    if (settings.cutAfter() != null) {
      events.addAll(tokens.subList(0, tokensBefore(settings.cutAfter())));
    } else if (settings.errorAfter() != null) {
      events.addAll(tokens.subList(0, tokensBefore(settings.errorAfter())));
      events.add(errorEvent);
    } else {
      events.addAll(tokens);
      events.addAll(closing);
    }
    return events;
  }

  /** At least one token gets through, so a client sees the reply start before it breaks. */
  private int tokensBefore(double fraction) {
    return Math.min(tokens.size(), Math.max(1, (int) Math.floor(tokens.size() * fraction)));
  }

  static String dataFrame(String data) {
    return "data: " + data + "\n\n";
  }

  static String namedFrame(String event, String data) {
    return "event: " + event + "\ndata: " + data + "\n\n";
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
