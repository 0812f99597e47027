package dev.turntable.harness.testcontainers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * {@code turntable serve} in a container: the mock AssemblyAI streaming server and the OpenAI,
 * Anthropic, ElevenLabs and Cartesia stubs, at the host's mapped ports.
 *
 * <pre>{@code
 * try (TurntableContainer turntable =
 *     new TurntableContainer(image).withFixture(Path.of("fixtures/question-answer"))) {
 *   turntable.start();
 *   // point the agent at turntable.getSttUrl(), turntable.getOpenAiBaseUrl(), ...
 * }
 * }</pre>
 *
 * <p>The image is built from {@code harness/src/main/docker/Dockerfile}; its ports and
 * environment are the constants here.
 */
public final class TurntableContainer extends GenericContainer<TurntableContainer> {
  /** The image name the Dockerfile is built as; other names must be declared compatible. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("turntable/turntable");
  /** Mock AssemblyAI v3 streaming ({@code /v3/ws}): ws://, or wss:// with {@link #withTls()}. */
  public static final int STT_PORT = 8765;
  /** The HTTP stubs of every LLM and TTS service, and WireMock's admin API. */
  public static final int HTTP_PORT = 8080;

  private static final String FIXTURES_DIR = "/fixtures/";
  private static final String SCRIPTS_DIR = "/scripts/";
  private static final Pattern CA_CERT_LINE = Pattern.compile("(?m)^TURNTABLE_CA_CERT=(\\S+)$");
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private final List<String> source = new ArrayList<>();
  private boolean tls;
  private double speed = 1;

  public TurntableContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DEFAULT_IMAGE);
    withExposedPorts(STT_PORT, HTTP_PORT);
    // serve prints its addresses, then "ready" once both servers listen.
    waitingFor(Wait.forLogMessage("(?s)(.*\\n)?ready\\s*", 1).withStartupTimeout(STARTUP_TIMEOUT));
  }

  /** Replays this fixture folder: its STT messages by audio position, its LLM/TTS exchanges. */
  public TurntableContainer withFixture(Path fixtureDir) {
    requireOneSource(fixtureDir, Files.isDirectory(fixtureDir), "a fixture folder");
    String target = FIXTURES_DIR + fixtureDir.toAbsolutePath().normalize().getFileName();
    withCopyFileToContainer(MountableFile.forHostPath(fixtureDir), target);
    source.addAll(List.of("--fixture", target));
    return this;
  }

  /** Transcribes the utterances of this mock STT script (harness/docs/mock-stt-script.md). */
  public TurntableContainer withScript(Path scriptFile) {
    requireOneSource(scriptFile, Files.isRegularFile(scriptFile), "a script file");
    String target = SCRIPTS_DIR + scriptFile.getFileName();
    withCopyFileToContainer(MountableFile.forHostPath(scriptFile), target);
    source.addAll(List.of("--script", target));
    return this;
  }

  /** Serves {@code wss://}; clients trust {@link #getCaCertificate()}. The Node SDK needs this. */
  public TurntableContainer withTls() {
    this.tls = true;
    return this;
  }

  /** Replays and stub delays {@code speed} times faster than recorded (the client paces too). */
  public TurntableContainer withSpeed(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, got " + speed);
    }
    this.speed = speed;
    return this;
  }

  @Override
  protected void configure() {
    List<String> command = new ArrayList<>(List.of("serve", "--speed", Double.toString(speed)));
    command.addAll(source);
    if (tls) {
      command.add("--tls");
    }
    setCommand(command.toArray(String[]::new));
  }

  /** {@code ws://host:port/v3/ws} (or {@code wss://}), AssemblyAI's streaming URL. */
  public String getSttUrl() {
    return (tls ? "wss" : "ws") + "://" + getHost() + ":" + getMappedPort(STT_PORT) + "/v3/ws";
  }

  /** As {@code https://api.openai.com/v1}. */
  public String getOpenAiBaseUrl() {
    return httpBaseUrl() + "/v1";
  }

  /** As {@code https://api.anthropic.com}. */
  public String getAnthropicBaseUrl() {
    return httpBaseUrl();
  }

  /** As {@code https://api.elevenlabs.io}. */
  public String getElevenLabsBaseUrl() {
    return httpBaseUrl();
  }

  /** As {@code https://api.cartesia.ai}. */
  public String getCartesiaBaseUrl() {
    return httpBaseUrl();
  }

  /** WireMock's admin API: add mappings, read the request journal. */
  public String getAdminUrl() {
    return httpBaseUrl() + "/__admin";
  }

  /** The variables {@code turntable serve} prints, with the addresses reachable from this host. */
  public Map<String, String> getServiceUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("ASSEMBLYAI_STREAMING_URL", getSttUrl());
    urls.put("OPENAI_BASE_URL", getOpenAiBaseUrl());
    urls.put("ANTHROPIC_BASE_URL", getAnthropicBaseUrl());
    urls.put("ELEVENLABS_BASE_URL", getElevenLabsBaseUrl());
    urls.put("CARTESIA_BASE_URL", getCartesiaBaseUrl());
    return urls;
  }

  /**
   * The PEM of the CA that signed the server's certificate (made at start, valid for localhost and
   * 127.0.0.1), for {@code NODE_EXTRA_CA_CERTS}, {@code SSL_CERT_FILE} or a Java trust store.
   */
  public String getCaCertificate() {
    if (!tls) {
      throw new IllegalStateException("this container serves ws:// without TLS: call withTls() before start()");
    }
    Matcher line = CA_CERT_LINE.matcher(getLogs());
    if (!line.find()) {
      throw new IllegalStateException("turntable serve printed no TURNTABLE_CA_CERT line; is the container running?");
    }
    return copyFileFromContainer(line.group(1), in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
  }

  private String httpBaseUrl() {
    return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
  }

  private void requireOneSource(Path path, boolean exists, String what) {
    if (!source.isEmpty()) {
      throw new IllegalStateException("serve takes one fixture or one script; already have " + String.join(" ", source));
    }
    if (!exists) {
      throw new IllegalArgumentException(path + " is not " + what);
    }
  }
}
