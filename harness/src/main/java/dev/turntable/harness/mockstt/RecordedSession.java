package dev.turntable.harness.mockstt;

import java.util.List;
import java.util.Map;

/**
 * What one session received and sent, captured when it closed, for tests to verify. Secrets are
 * redacted: the {@code Authorization} header and the {@code token} query parameter read {@code
 * ***}.
 *
 * @param path the upgrade request's path and query, token redacted
 * @param initialParameters as parsed from the query (defaults if they could not be parsed)
 * @param finalParameters after every {@code UpdateConfiguration}
 * @param clientMessages every text frame received, exactly as received
 * @param serverMessages every text frame handed to the socket, in order
 * @param releases the driver's audio-timed releases, in order
 * @param closedByClient true if the client started the close (or dropped the connection)
 */
public record RecordedSession(
    String id,
    String path,
    Map<String, String> headers,
    CredentialSource credentialSource,
    SessionParameters initialParameters,
    SessionParameters finalParameters,
    List<String> clientMessages,
    long audioFrames,
    long audioBytes,
    long audioMs,
    List<String> serverMessages,
    List<Release> releases,
    int closeCode,
    String closeReason,
    boolean closedByClient) {

  /** Where the client put its credential. */
  public enum CredentialSource {
    AUTHORIZATION_HEADER,
    TOKEN_QUERY_PARAMETER,
    NONE
  }

  public RecordedSession {
    headers = Map.copyOf(headers);
    clientMessages = List.copyOf(clientMessages);
    serverMessages = List.copyOf(serverMessages);
    releases = List.copyOf(releases);
  }
}
