package dev.turntable.harness.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One stubbed service: what it replies and how it fails. Changes apply to the next request.
 *
 * <p>Mapping priorities (lower wins): rejections of invalid requests 1, {@link #failNext} 2,
 * {@link #fail} 3, recorded mappings 5 (WireMock's default), the generated reply 8. So a missing
 * key is refused even while a fault is set, and a fault beats recordings.
 */
public final class ServiceStub {
  static final int REJECTION_PRIORITY = 1;
  static final int FAIL_NEXT_PRIORITY = 2;
  static final int FAULT_PRIORITY = 3;
  static final int REPLY_PRIORITY = 8;

  private final ServiceProtocol protocol;
  private final WireMockServer server;
  private final StubTiming timing;
  private StubReply reply;
  private final List<UUID> replyMappings = new ArrayList<>();
  private HttpFault fault;
  private UUID faultMapping;
  private final List<UUID> failNextMappings = new ArrayList<>();

  ServiceStub(ServiceProtocol protocol, WireMockServer server, StubTiming timing) {
    this.protocol = protocol;
    this.server = server;
    this.timing = timing;
  }

  public StubService service() {
    return protocol.service();
  }

  /** Installs the rejections and the default reply; called once the server runs. */
  synchronized void install() {
    for (MappingBuilder rejection : protocol.rejections()) {
      add(rejection.atPriority(REJECTION_PRIORITY), "rejection");
    }
    replaceReplyMapping();
  }

  /**
   * From now on, answer with {@code reply} (LLM: the assistant's words; TTS: the words spoken),
   * also inside a slow or cut reply set with {@link #fail}.
   */
  public synchronized ServiceStub reply(StubReply reply) {
    this.reply = Objects.requireNonNull(reply, "reply");
    replaceReplyMapping();
    if (fault != null) {
      fail(fault);
    }
    return this;
  }

  /**
   * Answers the next requests with {@code sequence} in order, one reply per request; the last one
   * repeats. A WireMock scenario keeps the order, so it holds across concurrent clients too.
   */
  public synchronized ServiceStub replies(List<StubReply> sequence) {
    if (sequence.isEmpty()) {
      throw new IllegalArgumentException("replies needs at least one reply");
    }
    this.reply = sequence.get(sequence.size() - 1);
    removeReplyMappings();
    String scenario = "turntable-" + service().name().toLowerCase() + "-replies-" + UUID.randomUUID();
    for (int i = 0; i < sequence.size(); i++) {
      ScenarioMappingBuilder mapping =
          replyMappingFor(ReplySettings.of(service(), sequence.get(i).text(), timing))
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "reply " + (i + 1));
      if (i < sequence.size() - 1) {
        mapping.willSetStateTo("reply " + (i + 2));
      }
      replyMappings.add(add(mapping, "reply"));
    }
    return this;
  }

  /** From now on, every acceptable request meets {@code fault}, until {@link #recover()}. */
  public synchronized ServiceStub fail(HttpFault fault) {
    MappingBuilder mapping = faultMapping(fault).atPriority(FAULT_PRIORITY);
    removeFault();
    this.fault = fault;
    faultMapping = add(mapping, "fault");
    return this;
  }

  /** The next acceptable request meets {@code fault}; later ones are answered as before. */
  public synchronized ServiceStub failNext(HttpFault fault) {
    // A scenario of its own per call: the mapping matches in state STARTED only, once.
    String scenario = "turntable-" + service().name().toLowerCase() + "-" + UUID.randomUUID();
    MappingBuilder mapping =
        faultMapping(fault)
            .atPriority(FAIL_NEXT_PRIORITY)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("spent");
    failNextMappings.add(add(mapping, "fail-next"));
    return this;
  }

  /** Drops every fault set with {@link #fail} or {@link #failNext}; the reply stays. */
  public synchronized ServiceStub recover() {
    removeFault();
    failNextMappings.forEach(server::removeStubMapping);
    failNextMappings.clear();
    return this;
  }

  /** Back to the default reply with no faults. */
  public synchronized ServiceStub reset() {
    recover();
    reply = null;
    replaceReplyMapping();
    return this;
  }

  /** Every request this service received, oldest first, with secrets masked. */
  public List<StubRequest> requests() {
    List<StubRequest> requests = new ArrayList<>();
    server.getAllServeEvents().stream()
        .filter(event -> service().servesPath(URI.create(event.getRequest().getUrl()).getPath()))
        .forEach(event -> requests.add(0, RequestRedactor.redact(service(), event.getRequest())));
    return List.copyOf(requests);
  }

  public int requestCount() {
    return requests().size();
  }

  private void replaceReplyMapping() {
    removeReplyMappings();
    replyMappings.add(add(replyMappingFor(settings()), "reply"));
  }

  private void removeReplyMappings() {
    replyMappings.forEach(server::removeStubMapping);
    replyMappings.clear();
  }

  private ReplySettings settings() {
    return ReplySettings.of(service(), reply == null ? null : reply.text(), timing);
  }

  private MappingBuilder replyMappingFor(ReplySettings settings) {
    return protocol.accepted().atPriority(REPLY_PRIORITY).willReturn(generated(settings));
  }

  private MappingBuilder faultMapping(HttpFault fault) {
    return protocol.accepted().willReturn(faultResponse(fault));
  }

  private ResponseDefinitionBuilder faultResponse(HttpFault fault) {
    if (fault instanceof HttpFault.Status status) {
      return statusResponse(status);
    } else if (fault instanceof HttpFault.ConnectionReset) {
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    } else if (fault instanceof HttpFault.Slow slow) {
      return generated(settings().slowedBy(slow.factor()));
    } else if (fault instanceof HttpFault.Cut cut) {
      return generated(settings().cutAfter(cut.fraction()));
    } else if (fault instanceof HttpFault.StreamError error) {
      if (service().isSpeech()) {
        throw new IllegalArgumentException(service() + " streams raw audio and has no in-stream error"
            + " event; use HttpFault.cutAfter(...) to break its stream");
      }
      return generated(settings().errorAfter(error.fraction()));
    }
    throw new IllegalArgumentException("unknown fault " + fault);
  }

  private ResponseDefinitionBuilder statusResponse(HttpFault.Status status) {
    ResponseDefinitionBuilder response =
        aResponse()
            .withStatus(status.status())
            .withHeader("Content-Type", RenderedReply.JSON)
            .withBody(ErrorBodies.body(service(), status.status(), ErrorBodies.defaultMessage(status.status())));
    if (!status.retryAfter().isZero()) {
      long seconds = (status.retryAfter().toMillis() + 999) / 1000;
      response.withHeader("Retry-After", Long.toString(seconds));
    }
    return response;
  }

  private static ResponseDefinitionBuilder generated(ReplySettings settings) {
    return aResponse().withTransformers(ReplyTransformer.NAME).withTransformerParameters(settings.toParameters());
  }

  private void removeFault() {
    if (faultMapping != null) {
      server.removeStubMapping(faultMapping);
      faultMapping = null;
      fault = null;
    }
  }

  private UUID add(MappingBuilder mapping, String role) {
    StubMapping stub =
        mapping.withMetadata(Map.of("turntable", Map.of("service", service().name(), "role", role))).build();
    server.addStubMapping(stub);
    return stub.getId();
  }
}
