package dev.turntable.harness.mockstt;

import dev.turntable.agent.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;

/**
 * A mock of AssemblyAI's Universal-3 Pro streaming service (v3 WebSocket API) that real clients
 * accept unchanged: our agent and the official Python and Node SDKs. Use it queue → act → verify:
 * configure a driver and faults, point the client at {@link #url()}, then check what the server
 * received with {@link #takeSession(Duration)}.
 *
 * <pre>{@code
 * try (MockAssemblyAiServer server = MockAssemblyAiServer.builder()
 *     .driver(ScriptedDriver.factory(Script.of(new Utterance("Hello there.", 500, 1400))))
 *     .start()) {
 *   // connect a client to server.url(), stream audio, Terminate
 *   RecordedSession session = server.takeSession(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class MockAssemblyAiServer implements AutoCloseable {
  /**
   * The largest frame accepted; a larger one closes the session with 1009. The biggest valid frame
   * is 1000 ms of 48 kHz s16le audio (96,000 bytes); without a limit a header claiming 2 GB would
   * make the server allocate 2 GB.
   */
  public static final int MAX_FRAME_BYTES = 1 << 20;

  /**
   * Closed sessions and releases kept for {@link #takeSession} and {@link #releases()}; older ones
   * are dropped, so a server nobody reads from ({@code turntable serve}) runs in constant memory.
   */
  static final int RETAINED_SESSIONS = 1_000;
  static final int RETAINED_RELEASES = 100_000;

  private final String host;
  private final int requestedPort;
  private final boolean tls;
  private final BlockingQueue<RecordedSession> finished = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Release> releases = new ConcurrentLinkedQueue<>();
  private final AtomicInteger releaseCount = new AtomicInteger();
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService tlsTasks;
  private final MockSttSocketServer socketServer;
  private final Path caCertificatePem;
  private final boolean temporaryPem;
  private volatile boolean closed;

  private MockAssemblyAiServer(Builder settings) {
    this.host = settings.host;
    this.requestedPort = settings.port;
    this.tls = settings.tls;
    this.timer = new ScheduledThreadPoolExecutor(1, named("mockstt-timer"));
    timer.setRemoveOnCancelPolicy(true);
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    SessionContext context = SessionContext.of(settings, timer, this::retain);
    this.socketServer = new MockSttSocketServer(
        new InetSocketAddress(settings.host, settings.port), settings.workers, context,
        this::retain);
    if (settings.tls) {
      ServerCertificate certificate = settings.keystore == null
          ? ServerCertificate.generate()
          : ServerCertificate.load(settings.keystore, settings.keystorePassword);
      this.temporaryPem = settings.caCertificateOut == null;
      this.caCertificatePem = writePem(certificate, settings.caCertificateOut);
      this.tlsTasks = Executors.newSingleThreadExecutor(named("mockstt-tls"));
      socketServer.setWebSocketFactory(
          new DefaultSSLWebSocketServerFactory(certificate.serverContext(), tlsTasks));
    } else {
      this.caCertificatePem = null;
      this.temporaryPem = false;
      this.tlsTasks = null;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns once the port is bound. */
  private MockAssemblyAiServer start() {
    socketServer.start();
    try {
      socketServer.started().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      close();
      throw new IllegalStateException("the mock AssemblyAI server could not listen on "
          + host + ":" + requestedPort + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException | InterruptedException e) {
      close();
      throw new IllegalStateException("timed out waiting for the mock AssemblyAI server to start",
          e);
    }
    return this;
  }

  /** {@code ws://host:port/v3/ws}, or {@code wss://} with TLS. */
  public URI url() {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create((tls ? "wss" : "ws") + "://" + authority + ":" + port()
        + UpgradeRequest.PATH);
  }

  public int port() {
    return socketServer.getPort();
  }

  /** The PEM file clients must trust ({@code NODE_EXTRA_CA_CERTS}, {@code SSL_CERT_FILE}). */
  public Path caCertificatePem() {
    if (caCertificatePem == null) {
      throw new IllegalStateException("this server runs without TLS: build it with tls()");
    }
    return caCertificatePem;
  }

  /**
   * The next session to close, in the order they closed.
   *
   * @throws IllegalStateException if none closes within the timeout
   */
  public RecordedSession takeSession(Duration timeout) {
    try {
      RecordedSession session = finished.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (session == null) {
        throw new IllegalStateException("timed out after " + timeout
            + " waiting for a session to close; " + socketServer.getConnections().size()
            + " still open");
      }
      return session;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for a session to close", e);
    }
  }

  private void retain(RecordedSession session) {
    while (finished.size() >= RETAINED_SESSIONS) {
      finished.poll();
    }
    finished.add(session);
  }

  private void retain(Release release) {
    releases.add(release);
    if (releaseCount.incrementAndGet() > RETAINED_RELEASES) {
      releases.poll();
      releaseCount.decrementAndGet();
    }
  }

  /** Sessions open right now. */
  public int openSessions() {
    return socketServer.getConnections().size();
  }

  /** The audio-timed releases so far (the last {@value #RETAINED_RELEASES}), across sessions. */
  public List<Release> releases() {
    return new ArrayList<>(releases);
  }

  public ReleaseStatistics releaseStatistics() {
    return ReleaseStatistics.of(releases());
  }

  /** Closes every connection (1001) and stops the server's threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      socketServer.stop(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shutDown(timer);
    if (tlsTasks != null) {
      shutDown(tlsTasks);
    }
    if (temporaryPem) {
      try {
        Files.deleteIfExists(caCertificatePem);
      } catch (IOException ignored) {
        // A temp file left behind is harmless.
      }
    }
  }

  private static void shutDown(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Path writePem(ServerCertificate certificate, Path requested) {
    try {
      Path pem = requested != null
          ? requested
          : Files.createTempFile("mock-assemblyai-ca-", ".pem");
      certificate.writeTrustAnchorPem(pem);
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the mock server's CA certificate", e);
    }
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Settings of a {@link MockAssemblyAiServer}; every one has a sensible default. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private boolean tls;
    private Path keystore;
    private char[] keystorePassword;
    private Path caCertificateOut;
    private AuthMode authMode = AuthMode.acceptAny();
    private Supplier<? extends SessionDriver> driverFactory = SessionDriver::silent;
    private final List<Fault> faults = new ArrayList<>();
    private boolean strictPacing;
    private Duration strictTolerance = Duration.ofSeconds(1);
    private Duration maxSessionDuration = Duration.ofHours(3);
    private int workers = Runtime.getRuntime().availableProcessors();
    private final Clock clock = Clock.system();
    private final java.time.Clock wallClock = java.time.Clock.systemUTC();

    private Builder() {}

    /** Interface to bind; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Port to bind; default 0, an ephemeral port (see {@link MockAssemblyAiServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves {@code wss://} with a certificate generated at start for localhost/127.0.0.1. */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /** Serves {@code wss://} with the first key entry of this PKCS12 keystore. */
    public Builder tls(Path pkcs12, char[] password) {
      this.tls = true;
      this.keystore = Objects.requireNonNull(pkcs12, "pkcs12");
      this.keystorePassword = password.clone();
      return this;
    }

    /** Where to write the CA certificate (PEM); default a temp file deleted on close. */
    public Builder caCertificateOut(Path pemFile) {
      this.caCertificateOut = Objects.requireNonNull(pemFile, "pemFile");
      return this;
    }

    public Builder authMode(AuthMode authMode) {
      this.authMode = Objects.requireNonNull(authMode, "authMode");
      return this;
    }

    /** Makes one driver per connection; default a driver that never transcribes. */
    public Builder driver(Supplier<? extends SessionDriver> driverFactory) {
      this.driverFactory = Objects.requireNonNull(driverFactory, "driverFactory");
      return this;
    }

    /** Adds faults applied to every session. */
    public Builder fault(Fault... faults) {
      this.faults.addAll(List.of(faults));
      return this;
    }

    public Builder faults(List<? extends Fault> faults) {
      this.faults.addAll(faults);
      return this;
    }

    /** Also closes with 3007 when audio arrives faster than real time (by more than 1 s). */
    public Builder strictPacing(boolean strict) {
      this.strictPacing = strict;
      return this;
    }

    /** Strict pacing with this tolerance: audio time may lead wall time by at most this. */
    public Builder strictPacing(Duration tolerance) {
      this.strictPacing = true;
      this.strictTolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** When sessions expire (3008) and what {@code Begin.expires_at} says; default 3 h. */
    public Builder maxSessionDuration(Duration duration) {
      this.maxSessionDuration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /** WebSocket worker threads that decode frames and run drivers; default one per core. */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Builds and starts the server; returns once it is listening. */
    public MockAssemblyAiServer start() {
      return new MockAssemblyAiServer(this).start();
    }

    AuthMode authMode() {
      return authMode;
    }

    Supplier<? extends SessionDriver> driverFactory() {
      return driverFactory;
    }

    List<Fault> faults() {
      return List.copyOf(faults);
    }

    boolean strictPacing() {
      return strictPacing;
    }

    Duration strictTolerance() {
      return strictTolerance;
    }

    Duration maxSessionDuration() {
      return maxSessionDuration;
    }

    Clock clock() {
      return clock;
    }

    java.time.Clock wallClock() {
      return wallClock;
    }
  }
}
