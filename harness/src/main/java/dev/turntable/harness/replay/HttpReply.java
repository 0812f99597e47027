package dev.turntable.harness.replay;

import com.github.tomakehurst.wiremock.servlet.BodyChunker;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP answer as the stubs serve it: status, body, and WireMock's delivery schedule (a fixed
 * delay, then the body in {@code chunks} pieces over {@code totalMs}). {@link #pieces()} reproduces
 * what WireMock writes and when, so an in-process replay receives the bytes a socket would.
 */
record HttpReply(
    String endpoint, int status, String contentType, byte[] body, long fixedDelayMs, int chunks, int totalMs) {

  /** A piece of the body and when it arrives, in ms after the request. */
  record Piece(long atMs, byte[] bytes) {}

  static HttpReply notRecorded(String endpoint) {
    String json = "{\"error\":{\"message\":\"no recorded exchange left for " + endpoint + "\"}}";
    return new HttpReply(endpoint, 404, "application/json", json.getBytes(), 0, 1, 0);
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }

  /**
   * WireMock's chunked dribble: {@code BodyChunker} cuts the body, and the writer sleeps {@code
   * totalMs / pieces} (whole ms) before each piece, the first included. Without a dribble the body
   * goes out whole after the fixed delay.
   */
  List<Piece> pieces() {
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
