package dev.turntable.harness.replay;

import com.github.tomakehurst.wiremock.servlet.BodyChunker;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP answer as the stubs serve it: status, body, and WireMock's delivery schedule (a fixed
 * delay, then the body in {@code chunks} pieces over {@code totalMs}). {@link #pieces()} reproduces
 * what WireMock writes and when, so an in-process replay receives the bytes a socket would.
 * {@code ends} is false for a recorded exchange the client gave up on: what would have come after
 * its last recorded piece is unknown, so nothing more comes.
 */
record HttpReply(
    String endpoint,
    int status,
    String contentType,
    byte[] body,
    long fixedDelayMs,
    int chunks,
    int totalMs,
    List<Piece> recorded,
    boolean ends) {

  /** A piece of the body and when it arrives, in ms after the request. */
  record Piece(double atMs, byte[] bytes) {}

  HttpReply {
    recorded = recorded == null ? List.of() : List.copyOf(recorded);
  }

  HttpReply(String endpoint, int status, String contentType, byte[] body, long fixedDelayMs,
      int chunks, int totalMs) {
    this(endpoint, status, contentType, body, fixedDelayMs, chunks, totalMs, List.of(), true);
  }

  static HttpReply notRecorded(String endpoint) {
    String json = "{\"error\":{\"message\":\"no recorded exchange left for " + endpoint + "\"}}";
    return new HttpReply(endpoint, 404, "application/json", json.getBytes(), 0, 1, 0);
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }

  /**
   * The pieces as the recording received them, read by read, when it kept that; otherwise
   * WireMock's chunked dribble: {@code BodyChunker} cuts the body, and the writer sleeps {@code
   * totalMs / pieces} (whole ms) before each piece, the first included. Without a dribble the body
   * goes out whole after the fixed delay.
   */
  List<Piece> pieces() {
    if (!recorded.isEmpty()) {
      return recorded;
    }
    List<Piece> pieces = new ArrayList<>();
    if (totalMs <= 0 || chunks <= 1 || body.length == 0) {
      pieces.add(new Piece(fixedDelayMs + Math.max(0, totalMs), body));
      return pieces;
    }
    byte[][] cut = BodyChunker.chunkBody(body, chunks);
    int interval = totalMs / cut.length;
    for (int i = 0; i < cut.length; i++) {
      pieces.add(new Piece(fixedDelayMs + (long) (i + 1) * interval, cut[i]));
    }
    return pieces;
  }
}
