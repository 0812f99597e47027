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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
      "interrupted. Point your agent's base URLs at the printed addresses."
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

  @Option(names = "--host", defaultValue = "127.0.0.1", converter = Converters.Host.class, description = "Interface of the mock STT server (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "0", converter = Converters.Port.class, description = "Port of the mock STT server (default: any free port).")
  int port;

  @Option(names = "--http-port", defaultValue = "0", converter = Converters.Port.class, description = "Port of the LLM/TTS stubs (default: any free port).")
  int httpPort;

  @Option(names = "--tls", description = "Serve wss:// with a certificate made at start; its PEM path is printed as TURNTABLE_CA_CERT.")
  boolean tls;

  @Option(names = "--api-key", paramLabel = "KEY", description = "Accept only this AssemblyAI key or token (default: any non-empty one).")
  String apiKey;

  @Option(names = "--reply", paramLabel = "TEXT", description = "What the LLM stubs answer (repeat for one reply per request, in order).")
  List<String> replies;

  @Option(names = "--speed", defaultValue = "1", converter = Converters.Speed.class, description = "Divide every stub delay by this (default: ${DEFAULT-VALUE}).")
  double speed;

  @Mixin Verbosity verbosity;

  @Spec CommandSpec spec;
  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    Fixture fixture = source.fixture;
    MockAssemblyAiServer.Builder stt =
        MockAssemblyAiServer.builder()
            .host(host)
            .port(port)
            .driver(driver(fixture))
            .authMode(apiKey == null ? AuthMode.acceptAny() : AuthMode.requireKey(apiKey));
    if (tls) {
      stt.tls();
    }
    StubOptions stubs = StubOptions.defaults().withPort(httpPort).withTiming(StubTiming.DEFAULT.scale(speed));
    if (fixture != null) {
      stubs = fixture.httpDir().map(stubs::withRecordings).orElse(stubs);
    }
    try (MockServices mocks = MockServices.start(stt, stubs)) {
      if (replies != null) {
        mocks.stubs().openAi().replies(replies.stream().map(StubReply::text).toList());
        mocks.stubs().anthropic().replies(replies.stream().map(StubReply::text).toList());
      }
      Thread hook = new Thread(stop::countDown, "turntable-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      PrintWriter out = spec.commandLine().getOut();
      mocks.urls().forEach((name, url) -> out.println(name + "=" + url));
      out.println("TURNTABLE_ADMIN_URL=" + mocks.stubs().adminUrl());
      if (tls) {
        out.println("TURNTABLE_CA_CERT=" + mocks.stt().caCertificatePem());
      }
      out.println("ready");
      out.flush();
      stop.await();
    }
    return 0;
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
