package dev.turntable.agent.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients suited to streamed replies: no overall call timeout (a long answer is fine), but
 * a read timeout so a provider that goes silent mid-stream fails instead of hanging the turn.
 * Whoever creates a client owns its threads and calls {@link #shutdown} when done.
 */
public final class StreamingHttpClients {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private StreamingHttpClients() {}

  public static OkHttpClient create() {
    return create(CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  public static OkHttpClient create(Duration connectTimeout, Duration readTimeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(connectTimeout)
        .callTimeout(Duration.ZERO)
        .build();
  }

  /** Stops the client's dispatcher threads and closes its pooled connections. */
  public static void shutdown(OkHttpClient http) {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
