package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a reply for whatever request matched: the SSE stream or audio, paced as the
 * mapping's parameters say. Mappings opt in with {@code "transformers": ["turntable-reply"]}
 * and {@code transformerParameters} (see {@link ReplySettings}), so users can add their own
 * through the admin API.
 */
final class ReplyTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "turntable-reply";

  private final Map<StubService, ServiceProtocol> protocols = new EnumMap<>(StubService.class);

  ReplyTransformer(List<ServiceProtocol> protocols) {
    for (ServiceProtocol protocol : protocols) {
      this.protocols.put(protocol.service(), protocol);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ReplySettings settings = ReplySettings.from(serveEvent.getTransformerParameters());
    try {
      return protocols.get(settings.service()).render(serveEvent.getRequest(), settings).toResponse();
    } catch (StubRejection rejection) {
      return rejection.toResponse();
    }
  }
}
