package dev.turntable.harness.record;

import dev.turntable.agent.time.Clock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A response body that hands the client each piece as it arrives while keeping a copy and the time
 * each piece came in. Copying is in memory, so the client is not slowed; the recording is handed
 * over once the body is exhausted, closed early, or abandoned.
 */
final class TeeResponseBody extends ResponseBody {
  /** Receives the copied body once, with each chunk's arrival in ms since the request. */
  @FunctionalInterface
  interface Finished {
    void accept(byte[] body, List<Double> chunkMs, List<Integer> chunkBytes, boolean complete);
  }

  private final ResponseBody delegate;
  private final Clock clock;
  private final long startNanos;
  private final Finished finished;
  private final Buffer copy = new Buffer();
  private final List<Double> chunkMs = new ArrayList<>();
  private final List<Integer> chunkBytes = new ArrayList<>();
  private final AtomicBoolean done = new AtomicBoolean();
  private final BufferedSource source;
  private volatile Runnable afterFinish = () -> {};

  TeeResponseBody(ResponseBody delegate, Clock clock, long startNanos, Finished finished) {
    this.delegate = delegate;
    this.clock = clock;
    this.startNanos = startNanos;
    this.finished = finished;
    this.source = Okio.buffer(new Tee(delegate.source()));
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }

  void onFinish(Runnable action) {
    afterFinish = action;
  }

  /** The session ended with the body unread: record what arrived so far. */
  void abandon() {
    finish(false);
  }

  private void finish(boolean complete) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    byte[] body;
    List<Double> times;
    List<Integer> sizes;
    synchronized (copy) {
      body = copy.readByteArray();
      times = List.copyOf(chunkMs);
      sizes = List.copyOf(chunkBytes);
    }
    finished.accept(body, times, sizes, complete);
    afterFinish.run();
  }

  private final class Tee extends ForwardingSource {
    Tee(okio.Source upstream) {
      super(upstream);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read;
      try {
        read = super.read(sink, byteCount);
      } catch (IOException e) {
        finish(false);
        throw e;
      }
      if (read > 0) {
        double atMs = (clock.nanoTime() - startNanos) / 1e6;
        synchronized (copy) {
          sink.copyTo(copy, sink.size() - read, read);
          chunkMs.add(atMs);
          chunkBytes.add((int) read);
        }
      } else if (read == -1) {
        finish(true);
      }
      return read;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        finish(false);
      }
    }
  }
}
