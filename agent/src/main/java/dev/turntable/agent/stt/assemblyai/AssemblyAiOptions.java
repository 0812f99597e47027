package dev.turntable.agent.stt.assemblyai;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that shapes one AssemblyAI Universal-3 Pro streaming session. Connection parameters
 * that are {@code null} are not sent, so the server's default applies. {@code toString()} never
 * shows the credential. Build with {@link #builder(AssemblyAiCredential)}.
 *
 * @param url the WebSocket endpoint, without a query (see {@link #DEFAULT_URL})
 * @param extraQueryParams any other connection parameter, sent as given, after the named ones
 * @param connectTimeout how long one connection attempt may take, upgrade included
 * @param closeTimeout how long {@code close()} waits for Termination after sending Terminate
 */
public record AssemblyAiOptions(
    URI url,
    AssemblyAiCredential credential,
    int sampleRate,
    String encoding,
    String speechModel,
    Integer minTurnSilenceMs,
    Integer maxTurnSilenceMs,
    List<String> keytermsPrompt,
    String prompt,
    Integer inactivityTimeoutSeconds,
    Double vadThreshold,
    Boolean languageDetection,
    Boolean speakerLabels,
    Integer maxSpeakers,
    Map<String, String> extraQueryParams,
    ReconnectPolicy reconnect,
    Duration connectTimeout,
    Duration closeTimeout) {

  public static final URI DEFAULT_URL = URI.create("wss://streaming.assemblyai.com/v3/ws");
  public static final URI US_URL = URI.create("wss://streaming.us.assemblyai.com/v3/ws");
  public static final URI EU_URL = URI.create("wss://streaming.eu.assemblyai.com/v3/ws");

  public AssemblyAiOptions {
    url = checkedUrl(url);
    Objects.requireNonNull(credential, "credential: set ASSEMBLYAI_API_KEY");
    Objects.requireNonNull(reconnect, "reconnect");
    requirePositive("sampleRate", sampleRate);
    encoding = requireText("encoding", encoding);
    speechModel = requireText("speechModel", speechModel);
    requireRange("minTurnSilenceMs", minTurnSilenceMs, 0, Integer.MAX_VALUE);
    requireRange("maxTurnSilenceMs", maxTurnSilenceMs, 0, Integer.MAX_VALUE);
    if (minTurnSilenceMs != null
        && maxTurnSilenceMs != null
        && minTurnSilenceMs > maxTurnSilenceMs) {
      throw new IllegalArgumentException(
          "minTurnSilenceMs ("
              + minTurnSilenceMs
              + ") must not exceed maxTurnSilenceMs ("
              + maxTurnSilenceMs
              + ")");
    }
    keytermsPrompt = keytermsPrompt == null ? null : List.copyOf(keytermsPrompt);
    if (keytermsPrompt != null && keytermsPrompt.size() > 100) {
      throw new IllegalArgumentException(
          "keytermsPrompt has " + keytermsPrompt.size() + " terms; AssemblyAI accepts at most 100");
    }
    requireRange("inactivityTimeoutSeconds", inactivityTimeoutSeconds, 5, 3600);
    if (vadThreshold != null && !(vadThreshold >= 0 && vadThreshold <= 1)) {
      throw new IllegalArgumentException("vadThreshold must be within 0..1, was " + vadThreshold);
    }
    requireRange("maxSpeakers", maxSpeakers, 1, 10);
    extraQueryParams = checkedExtras(extraQueryParams);
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("closeTimeout", closeTimeout);
  }

  public static Builder builder(AssemblyAiCredential credential) {
    return new Builder(credential);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public AssemblyAiOptions withPreset(TurnPreset preset) {
    return preset.applyTo(this);
  }

  /** The URL to connect to: {@link #url()} plus every non-null parameter, URL-encoded. */
  public URI connectionUri() {
    return URI.create(url + "?" + ConnectionQuery.build(this));
  }

  /** The connection URL as it may appear in logs and fixtures: no credential, ever. */
  public String redactedUrl() {
    return ConnectionQuery.redact(connectionUri());
  }

  private static URI checkedUrl(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "The AssemblyAI url must be ws:// or wss:// with a host, e.g. "
              + DEFAULT_URL
              + "; was "
              + ConnectionQuery.redact(url));
    }
    if (url.getRawQuery() != null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "The AssemblyAI url must have no query, user info or fragment (parameters go in the"
              + " options, credentials in the Authorization header); was "
              + ConnectionQuery.redact(url));
    }
    return url;
  }

  private static Map<String, String> checkedExtras(Map<String, String> extras) {
    if (extras == null || extras.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    extras.forEach(
        (name, value) -> {
          if (name == null || name.isBlank() || value == null) {
            throw new IllegalArgumentException("extraQueryParams has a blank name or null value");
          }
          ConnectionQuery.checkExtraName(name);
          copy.put(name, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  private static String requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }

  private static void requireRange(String name, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new IllegalArgumentException(
          name + " must be within " + min + ".." + max + ", was " + value);
    }
  }

  /** Mutable, single-use assembly of {@link AssemblyAiOptions}; starts from the defaults. */
  public static final class Builder {
    private URI url = DEFAULT_URL;
    private AssemblyAiCredential credential;
    private int sampleRate = 16_000;
    private String encoding = "pcm_s16le";
    private String speechModel = "u3-rt-pro";
    private Integer minTurnSilenceMs;
    private Integer maxTurnSilenceMs;
    private List<String> keytermsPrompt;
    private String prompt;
    private Integer inactivityTimeoutSeconds;
    private Double vadThreshold;
    private Boolean languageDetection;
    private Boolean speakerLabels;
    private Integer maxSpeakers;
    private Map<String, String> extraQueryParams = new LinkedHashMap<>();
    private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration closeTimeout = Duration.ofSeconds(5);

    private Builder(AssemblyAiCredential credential) {
      this.credential = credential;
    }

    private Builder(AssemblyAiOptions o) {
      this(o.credential);
      url = o.url;
      sampleRate = o.sampleRate;
      encoding = o.encoding;
      speechModel = o.speechModel;
      minTurnSilenceMs = o.minTurnSilenceMs;
      maxTurnSilenceMs = o.maxTurnSilenceMs;
      keytermsPrompt = o.keytermsPrompt;
      prompt = o.prompt;
      inactivityTimeoutSeconds = o.inactivityTimeoutSeconds;
      vadThreshold = o.vadThreshold;
      languageDetection = o.languageDetection;
      speakerLabels = o.speakerLabels;
      maxSpeakers = o.maxSpeakers;
      extraQueryParams = new LinkedHashMap<>(o.extraQueryParams);
      reconnect = o.reconnect;
      connectTimeout = o.connectTimeout;
      closeTimeout = o.closeTimeout;
    }

    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    public Builder credential(AssemblyAiCredential credential) {
      this.credential = credential;
      return this;
    }

    public Builder sampleRate(int sampleRate) {
      this.sampleRate = sampleRate;
      return this;
    }

    public Builder encoding(String encoding) {
      this.encoding = encoding;
      return this;
    }

    public Builder speechModel(String speechModel) {
      this.speechModel = speechModel;
      return this;
    }

    public Builder minTurnSilenceMs(Integer ms) {
      this.minTurnSilenceMs = ms;
      return this;
    }

    public Builder maxTurnSilenceMs(Integer ms) {
      this.maxTurnSilenceMs = ms;
      return this;
    }

    /** Sets both turn silences from the preset. */
    public Builder preset(TurnPreset preset) {
      this.minTurnSilenceMs = preset.minTurnSilenceMs();
      this.maxTurnSilenceMs = preset.maxTurnSilenceMs();
      return this;
    }

    public Builder keytermsPrompt(List<String> keyterms) {
      this.keytermsPrompt = keyterms;
      return this;
    }

    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    public Builder inactivityTimeoutSeconds(Integer seconds) {
      this.inactivityTimeoutSeconds = seconds;
      return this;
    }

    public Builder vadThreshold(Double threshold) {
      this.vadThreshold = threshold;
      return this;
    }

    public Builder languageDetection(Boolean enabled) {
      this.languageDetection = enabled;
      return this;
    }

    public Builder speakerLabels(Boolean enabled) {
      this.speakerLabels = enabled;
      return this;
    }

    public Builder maxSpeakers(Integer maxSpeakers) {
      this.maxSpeakers = maxSpeakers;
      return this;
    }

    /** Adds one parameter the options do not name (e.g. {@code interruption_delay}). */
    public Builder extraQueryParam(String name, String value) {
      this.extraQueryParams.put(name, value);
      return this;
    }

    public Builder reconnect(ReconnectPolicy reconnect) {
      this.reconnect = reconnect;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = timeout;
      return this;
    }

    public AssemblyAiOptions build() {
      return new AssemblyAiOptions(
          url,
          credential,
          sampleRate,
          encoding,
          speechModel,
          minTurnSilenceMs,
          maxTurnSilenceMs,
          keytermsPrompt,
          prompt,
          inactivityTimeoutSeconds,
          vadThreshold,
          languageDetection,
          speakerLabels,
          maxSpeakers,
          extraQueryParams,
          reconnect,
          connectTimeout,
          closeTimeout);
    }
  }
}
