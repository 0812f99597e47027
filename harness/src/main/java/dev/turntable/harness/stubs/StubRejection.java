package dev.turntable.harness.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** A request the real service would refuse, with the status and error body it would send. */
final class StubRejection extends Exception {
  private final int status;
  private final String body;

  StubRejection(int status, String body) {
    super("rejected with HTTP " + status + ": " + body);
    this.status = status;
    this.body = body;
  }

  static StubRejection of(StubService service, int status, String message) {
    return new StubRejection(status, ErrorBodies.body(service, status, message));
  }

  ResponseDefinition toResponse() {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", RenderedReply.JSON)
        .withBody(body)
        .build();
  }
}
