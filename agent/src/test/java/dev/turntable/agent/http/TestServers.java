package dev.turntable.agent.http;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Loopback servers and clients for the adapter tests. */
public final class TestServers {
  /** Looks like a real key and must never show up in a message. */
  public static final String SECRET_KEY = "sk-test-Zq81SECRETxY77";

  private TestServers() {}

  public static MockWebServer startLoopback() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /** A URL on the loopback address itself ({@code server.url()} says "localhost"). */
  public static String url(MockWebServer server, String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  /** Short timeouts so a broken test fails instead of hanging. */
  public static OkHttpClient client() {
    return StreamingHttpClients.create(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  /**
   * Completes once the client has no call running, i.e. every callback of the calls started after
   * this was made has returned. Install before starting the call.
   */
  public static CountDownLatch whenIdle(OkHttpClient client) {
    CountDownLatch idle = new CountDownLatch(1);
    client.dispatcher().setIdleCallback(idle::countDown);
    return idle;
  }

  public static void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("timed out waiting for " + what);
    }
  }
}
