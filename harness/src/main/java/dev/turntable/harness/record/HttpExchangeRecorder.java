package dev.turntable.harness.record;

import dev.turntable.agent.time.Clock;
import dev.turntable.harness.fixture.FixtureWriter;
import dev.turntable.harness.fixture.RecordedExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp application interceptor ({@code OkHttpClient.Builder.addInterceptor}) that records each
 * LLM/TTS exchange as a WireMock mapping. The response body is teed as the client reads it, so the
 * client gets every byte as soon as it arrives; the finished exchange is written on the recorder's
 * own thread ({@link RecordingQueue}), never the client's.
 */
final class HttpExchangeRecorder implements Interceptor {
  private final FixtureWriter writer;
  private final Clock clock;
  private final RecordingQueue queue;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, AtomicInteger> callsPerEndpoint = new ConcurrentHashMap<>();
  private final Set<TeeResponseBody> open = ConcurrentHashMap.newKeySet();

  HttpExchangeRecorder(FixtureWriter writer, Clock clock, RecordingQueue queue) {
    this.writer = writer;
    this.clock = clock;
    this.queue = queue;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long startNanos = clock.nanoTime();
    // Numbered at request start: WireMock replays calls to one endpoint in arrival order.
    Exchange exchange =
        new Exchange(
            sequence.incrementAndGet(),
            callsPerEndpoint
                .computeIfAbsent(
                    request.method() + " " + request.url().encodedPath(), k -> new AtomicInteger())
                .incrementAndGet(),
            request,
            copyBody(request.body()),
            startNanos);
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      submit(exchange.failed(elapsedMs(startNanos)));
      throw e;
    }
    double headersMs = elapsedMs(startNanos);
    TeeResponseBody tee =
        new TeeResponseBody(
            response.body(),
            clock,
            startNanos,
            (body, chunkMs, chunkBytes, complete) ->
                submit(exchange.answered(response, headersMs, body, chunkMs, chunkBytes, complete)));
    open.add(tee);
    tee.onFinish(() -> open.remove(tee));
    return response.newBuilder().body(tee).build();
  }

  /** Records the bodies the client never finished reading, with what arrived so far. */
  void abandonOpenBodies() {
    open.forEach(TeeResponseBody::abandon);
  }

  private void submit(RecordedExchange exchange) {
    queue.submit("http/", () -> writer.writeHttpExchange(exchange));
  }

  private double elapsedMs(long startNanos) {
    return (clock.nanoTime() - startNanos) / 1e6;
  }

  private static byte[] copyBody(RequestBody body) throws IOException {
    if (body == null || body.isOneShot() || body.isDuplex()) {
      return new byte[0];
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  /** What is known about an exchange before its response. */
  private record Exchange(
      int sequence, int endpointCall, Request request, byte[] requestBody, long startNanos) {

    RecordedExchange failed(double elapsedMs) {
      return answered(null, elapsedMs, new byte[0], List.of(), List.of(), false);
    }

    RecordedExchange answered(
        Response response, double headersMs, byte[] body, List<Double> chunkMs,
        List<Integer> chunkBytes, boolean complete) {
      Map<String, String> headers = new LinkedHashMap<>();
      request.headers().names().forEach(n -> headers.put(n, String.join(", ", request.headers(n))));
      String contentType = response == null ? null : response.header("Content-Type");
      return new RecordedExchange(
          sequence,
          endpointCall,
          request.method(),
          request.url().toString(),
          headers,
          requestBody,
          response == null ? 0 : response.code(),
          contentType,
          body,
          headersMs,
          chunkMs,
          chunkBytes,
          complete);
    }
  }
}
