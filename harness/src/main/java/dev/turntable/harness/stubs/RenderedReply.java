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
