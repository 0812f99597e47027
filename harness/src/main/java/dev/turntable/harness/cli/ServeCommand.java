package dev.turntable.harness.cli;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.mockstt.AuthMode;
import dev.turntable.harness.mockstt.MockAssemblyAiServer;
import dev.turntable.harness.mockstt.ReplayDriver;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.mockstt.SessionDriver;
import dev.turntable.harness.mockstt.SttRecording;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
import dev.turntable.harness.stubs.StubTiming;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the mock AssemblyAI server and the OpenAI/Anthropic/ElevenLabs/Cartesia stubs for an",
      "agent in any language. Prints KEY=VALUE lines (eval-able), then 'ready'; runs until",
      "interrupted. Point your agent's base URLs at the printed addresses. With a fixture, it",
      "first replays it once against throwaway mocks, so its first session is served warm."
    })
final class ServeCommand implements Callable<Integer> {
  static final class Source {
    @Option(names = "--fixture", paramLabel = "DIR", converter = Converters.FixtureFolder.class, description = "Replay this fixture's STT messages (by audio position) and LLM/TTS exchanges.")
    Fixture fixture;

    @Option(names = "--script", paramLabel = "FILE", converter = Converters.ScriptFile.class, description = "Transcribe the utterances of this script (harness/docs/mock-stt-script.md).")
    Script script;
  }

  @ArgGroup(exclusive = true)
  Source source = new Source();

  // The defaults can come from the environment so that a container image sets them once
  // (0.0.0.0 and fixed ports) and users still pass only --fixture or --script.
  @Option(names = "--host", defaultValue = "${env:TURNTABLE_HOST:-127.0.0.1}", converter = Converters.Host.class,
      description = "Interface of the mock STT server and the stubs (default: ${DEFAULT-VALUE}; env TURNTABLE_HOST).")
  String host;

  @Option(names = "--port", defaultValue = "${env:TURNTABLE_STT_PORT:-0}", converter = Converters.Port.class,
      description = "Port of the mock STT server (default: ${DEFAULT-VALUE}, any free port; env TURNTABLE_STT_PORT).")
  int port;

  @Option(names = "--http-port", defaultValue = "${env:TURNTABLE_HTTP_PORT:-0}", converter = Converters.Port.class,
      description = "Port of the LLM/TTS stubs (default: ${DEFAULT-VALUE}, any free port; env TURNTABLE_HTTP_PORT).")
  int httpPort;

  @Option(names = "--tls", defaultValue = "${env:TURNTABLE_TLS:-false}",
      description = "Serve wss:// with a certificate made at start; its PEM path is printed as TURNTABLE_CA_CERT (env TURNTABLE_TLS).")
  boolean tls;

  @Option(names = "--ca-cert", paramLabel = "FILE", defaultValue = "${env:TURNTABLE_CA_CERT_FILE}",
      description = "With --tls, write the CA's PEM here rather than to a temporary file (env TURNTABLE_CA_CERT_FILE).")
  Path caCertFile;

  @Option(names = "--api-key", paramLabel = "KEY", description = "Accept only this AssemblyAI key or token (default: any non-empty one).")
  String apiKey;

  @Option(names = "--reply", paramLabel = "TEXT", description = "What the LLM stubs answer (repeat for one reply per request, in order).")
  List<String> replies;

  @Option(names = "--speed", defaultValue = "1", converter = Converters.Speed.class, description = "Divide every stub delay by this (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--no-warm-up", description = "With a fixture, skip the replay against throwaway mocks that warms this JVM before 'ready' (faster start; the first session's replies may come late).")
  boolean noWarmUp;

  @Mixin Verbosity verbosity;

  @Spec CommandSpec spec;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean ready;
  /** How long SIGTERM waits for the servers to close before the JVM halts anyway. */
  private static final long CLOSE_TIMEOUT_SECONDS = 5;

  @Override
  public Integer call() throws Exception {
    sourceFromEnvironment();
    Fixture fixture = source.fixture;
    if (fixture != null && !noWarmUp) {
      ServeWarmUp.run(fixture, spec.commandLine().getErr());
    }
    MockAssemblyAiServer.Builder stt =
        MockAssemblyAiServer.builder()
            .host(host)
            .port(port)
            .driver(driver(fixture))
            .authMode(apiKey == null ? AuthMode.acceptAny() : AuthMode.requireKey(apiKey));
    if (tls) {
      stt.tls();
      if (caCertFile != null) {
        stt.caCertificateOut(caCertFile);
      }
    }
    StubOptions stubs = StubOptions.defaults().withHost(host).withPort(httpPort).withTiming(StubTiming.DEFAULT.scale(speed));
    if (fixture != null) {
      stubs = fixture.httpDir().map(stubs::withRecordings).orElse(stubs);
    }
    // SIGTERM (docker stop) and Ctrl-C run shutdown hooks, then halt: the hook waits until the
    // servers below are closed, so clients see their sockets closed, not reset mid-frame.
    Thread hook = new Thread(this::stopAndWait, "turntable-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (MockServices mocks = MockServices.start(stt, stubs)) {
      if (replies != null) {
        mocks.stubs().openAi().replies(replies.stream().map(StubReply::text).toList());
        mocks.stubs().anthropic().replies(replies.stream().map(StubReply::text).toList());
      }
      PrintWriter out = spec.commandLine().getOut();
      mocks.urls().forEach((name, url) -> out.println(name + "=" + url));
      out.println("TURNTABLE_ADMIN_URL=" + mocks.stubs().adminUrl());
      if (tls) {
        out.println("TURNTABLE_CA_CERT=" + mocks.stt().caCertificatePem());
      }
      out.println("ready");
      out.flush();
      ready = true;
      stop.await();
    } finally {
      // before counting down: once it is, a SIGTERM hook returns and the JVM halts
      if (ready) {
        spec.commandLine().getErr().println("turntable serve: stopped");
        spec.commandLine().getErr().flush();
      }
      stopped.countDown();
      removeHook(hook);
    }
    return 0;
  }

  /**
   * TURNTABLE_FIXTURE or TURNTABLE_SCRIPT when neither option is given: a CI service container
   * (GitHub Actions' {@code services:}) can set environment variables but not arguments.
   */
  private void sourceFromEnvironment() {
    if (source.fixture != null || source.script != null) {
      return;
    }
    String fixture = System.getenv("TURNTABLE_FIXTURE");
    String script = System.getenv("TURNTABLE_SCRIPT");
    if (fixture != null && !fixture.isBlank() && script != null && !script.isBlank()) {
      throw new UserException("TURNTABLE_FIXTURE and TURNTABLE_SCRIPT are both set; serve takes one of them");
    }
    try {
      if (fixture != null && !fixture.isBlank()) {
        source.fixture = new Converters.FixtureFolder().convert(fixture);
      } else if (script != null && !script.isBlank()) {
        source.script = new Converters.ScriptFile().convert(script);
      }
    } catch (picocli.CommandLine.TypeConversionException e) {
      throw new UserException(e.getMessage());
    }
  }

  private void stopAndWait() {
    stop.countDown();
    try {
      stopped.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already stopping: the hook is what brought us here
    }
  }

  /** Stops a running {@code serve} (tests; users press Ctrl-C). */
  void stop() {
    stop.countDown();
  }

  private Supplier<? extends SessionDriver> driver(Fixture fixture) throws Exception {
    if (fixture != null) {
      SttRecording recording = SttRecording.of(fixture);
      return ReplayDriver.factory(recording, new ReplayDriver.Options(false, speed));
    }
    if (source.script != null) {
      return ScriptedDriver.factory(source.script);
    }
    spec.commandLine().getErr().println("turntable serve: no --fixture or --script; the mock STT will transcribe nothing");
    return ScriptedDriver.factory(Script.of());
  }
}
