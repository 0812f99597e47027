package dev.turntable.harness.mockstt;

import java.util.ArrayList;
import java.util.List;

/** What a session saw, kept under the session's lock until it closes. */
final class SessionLog {
  private final List<String> clientMessages = new ArrayList<>();
  private final List<String> serverMessages = new ArrayList<>();
  private final List<Release> releases = new ArrayList<>();

  void clientMessage(String text) {
    clientMessages.add(text);
  }

  void serverMessage(String text) {
    serverMessages.add(text);
  }

  void release(Release release) {
    releases.add(release);
  }

  RecordedSession toRecord(
      String id, UpgradeRequest request, SessionParameters initial, SessionParameters last,
      AudioMeter meter, int code, String reason, boolean remote) {
    return new RecordedSession(
        id, request.redactedPath(), request.redactedHeaders(), request.credentialSource(),
        initial, last, clientMessages, meter == null ? 0 : meter.frames(),
        meter == null ? 0 : meter.totalBytes(), meter == null ? 0 : meter.audioMs(),
        serverMessages, releases, code, reason == null ? "" : reason, remote);
  }
}
