package dev.turntable.agent.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chunked response body written step by step: each chunk is flushed on its own, and at each
 * pause the server waits until the test calls {@link #release()}. This makes "the client got the
 * first part before the server sent the rest" and "cancel in the middle" deterministic.
 */
public final class ChunkedStreamBody implements MockResponseBody {
  private static final long PAUSE_LIMIT_SECONDS = 10;
  private static final byte[] PAUSE = new byte[0];

  private final List<byte[]> steps = new ArrayList<>();
  private final Semaphore releases = new Semaphore(0);

  public ChunkedStreamBody chunk(String text) {
    return chunk(text.getBytes(StandardCharsets.UTF_8));
  }

  public ChunkedStreamBody chunk(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("an empty chunk would end a chunked body");
    }
    steps.add(bytes.clone());
    return this;
  }

  /** The server stops here until {@link #release()}. */
  public ChunkedStreamBody pause() {
    steps.add(PAUSE);
    return this;
  }

  public void release() {
    releases.release();
  }

  /** Lets the server run to the end, e.g. when a test finishes early. */
  public void releaseAll() {
    releases.release(1_000);
  }

  public MockResponse response(int code, String contentType) {
    return new MockResponse.Builder()
        .code(code)
        .body(this)
        .removeHeader("Content-Length")
        .setHeader("Transfer-Encoding", "chunked")
        .setHeader("Content-Type", contentType)
        .build();
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    int pauses = 0;
    for (byte[] step : steps) {
      if (step == PAUSE) {
        pauses++;
        awaitRelease(pauses);
      } else {
        sink.writeUtf8(Integer.toHexString(step.length)).writeUtf8("\r\n");
        sink.write(step).writeUtf8("\r\n");
        sink.flush();
      }
    }
    sink.writeUtf8("0\r\n\r\n");
    sink.flush();
  }

  private void awaitRelease(int pause) throws IOException {
    try {
      if (!releases.tryAcquire(PAUSE_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException("timed out waiting for the test to release pause " + pause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted at pause " + pause, e);
    }
  }
}
