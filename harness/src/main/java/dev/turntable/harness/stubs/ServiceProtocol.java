package dev.turntable.harness.stubs;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** One service's wire rules: which requests it refuses outright and how it answers the rest. */
interface ServiceProtocol {
  StubService service();

  /**
   * Complete mappings (request and error response) for requests the service refuses before doing
   * any work: a missing key, a missing version header. They never match an acceptable request.
   */
  List<MappingBuilder> rejections();

  /** A mapping without a response that matches the requests this service accepts. */
  MappingBuilder accepted();

  /** The reply to an accepted request, or the service's error when its body is not acceptable. */
  RenderedReply render(LoggedRequest request, ReplySettings settings) throws StubRejection;
}
