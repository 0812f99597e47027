package dev.turntable.harness.record;

import dev.turntable.agent.time.ManualClock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A streamed response body that sends its next piece only after the client has received the
 * previous one. A recorder that held the body back would deadlock it, so a test that completes
 * proves the client got each piece while the response was still streaming. Before each piece the
 * shared clock moves on, so the recorded timing is exact.
 */
final class LockstepBody implements MockResponseBody {
  private final List<String> pieces;
  private final ManualClock clock;
  private final long firstPieceMs;
  private final long gapMs;
  private final int stopAfter;
  private final BlockingQueue<Integer> received = new LinkedBlockingQueue<>();

  LockstepBody(List<String> pieces, ManualClock clock, long firstPieceMs, long gapMs) {
    this(pieces, clock, firstPieceMs, gapMs, pieces.size());
  }

  /** Sends only the first {@code stopAfter} pieces, then waits for {@link #clientReceived()}. */
  LockstepBody(
      List<String> pieces, ManualClock clock, long firstPieceMs, long gapMs, int stopAfter) {
    this.pieces = pieces;
    this.clock = clock;
    this.firstPieceMs = firstPieceMs;
    this.gapMs = gapMs;
    this.stopAfter = stopAfter;
  }

  String whole() {
    return String.join("", pieces);
  }

  /** The client calls this each time a piece has arrived. */
  void clientReceived() {
    received.add(1);
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    for (int i = 0; i < stopAfter; i++) {
      clock.advanceMillis(i == 0 ? firstPieceMs : gapMs);
      sink.writeUtf8(pieces.get(i));
      sink.flush();
      awaitClient(i);
    }
  }

  private void awaitClient(int piece) throws IOException {
    try {
      if (received.poll(5, TimeUnit.SECONDS) == null) {
        throw new IOException(
            "timed out waiting for the client to receive piece "
                + (piece + 1)
                + ": the response is being held back");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
  }
}
