package dev.turntable.harness.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A reply generated for one request: the bytes, their type, and when they go out. */
record RenderedReply(String contentType, byte[] body, DeliveryPlan plan, boolean cutConnection) {
  static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
  static final String JSON = "application/json";
  static final String RAW_AUDIO = "application/octet-stream";

  RenderedReply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(plan, "plan");
  }

  static RenderedReply text(String contentType, String body, DeliveryPlan plan, boolean cut) {
    return new RenderedReply(contentType, body.getBytes(StandardCharsets.UTF_8), plan, cut);
  }

  /**
   * A JSON answer sent whole once all its tokens are "generated". A cut fault truncates it; an
   * in-stream error fault has no stream to break, so the request fails with {@code errorStatus}.
   */
  static RenderedReply wholeJson(
      StubService service, String json, int tokens, ReplySettings settings, int errorStatus)
      throws StubRejection {
    if (settings.errorAfter() != null) {
      throw StubRejection.of(service, errorStatus, ErrorBodies.defaultMessage(errorStatus));
    }
    boolean cut = settings.cutAfter() != null;
    String body = cut ? json.substring(0, (int) (json.length() * settings.cutAfter())) : json;
    long millis = settings.firstByteMillis() + Math.round(tokens * settings.millisPerToken());
    return text(JSON, body, DeliveryPlan.whole(millis), cut);
  }

  ResponseDefinition toResponse() {
    ResponseDefinitionBuilder response =
        aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    if (EVENT_STREAM.equals(contentType)) {
      response.withHeader("Cache-Control", "no-cache");
    }
    if (cutConnection) {
      response.withHeader(StreamCutFilter.CUT_HEADER, "true");
    }
    return plan.applyTo(response, body.length).build();
  }
}
