package dev.turntable.agent.stt.assemblyai;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Builds the connection query string of a session and keeps credentials out of URLs. */
final class ConnectionQuery {

  /** Parameters the options name; extras may not override them. */
  static final Set<String> NAMED_PARAMS =
      Set.of(
          "speech_model",
          "sample_rate",
          "encoding",
          "min_turn_silence",
          "max_turn_silence",
          "keyterms_prompt",
          "prompt",
          "inactivity_timeout",
          "vad_threshold",
          "language_detection",
          "speaker_labels",
          "max_speakers");

  /** Parameter names that would carry a secret; never sent, masked if ever seen. */
  static final Set<String> SECRET_PARAMS =
      Set.of("token", "api_key", "apikey", "key", "authorization", "access_token");

  private static final Pattern SECRET_VALUE =
      Pattern.compile("(?i)(^|[?&])(" + String.join("|", SECRET_PARAMS) + ")=[^&#]*");

  private ConnectionQuery() {}

  /** Every non-null parameter in a fixed order, so recorded URLs diff cleanly. */
  static String build(AssemblyAiOptions o) {
    StringJoiner query = new StringJoiner("&");
    add(query, "speech_model", o.speechModel());
    add(query, "sample_rate", o.sampleRate());
    add(query, "encoding", o.encoding());
    add(query, "min_turn_silence", o.minTurnSilenceMs());
    add(query, "max_turn_silence", o.maxTurnSilenceMs());
    add(
        query,
        "keyterms_prompt",
        o.keytermsPrompt() == null ? null : Json.write(o.keytermsPrompt()));
    add(query, "prompt", o.prompt());
    add(query, "inactivity_timeout", o.inactivityTimeoutSeconds());
    add(query, "vad_threshold", o.vadThreshold() == null ? null : plain(o.vadThreshold()));
    add(query, "language_detection", o.languageDetection());
    add(query, "speaker_labels", o.speakerLabels());
    add(query, "max_speakers", o.maxSpeakers());
    for (Map.Entry<String, String> extra : o.extraQueryParams().entrySet()) {
      add(query, extra.getKey(), extra.getValue());
    }
    return query.toString();
  }

  /** The URL without user info and with the value of any secret-named parameter masked. */
  static String redact(URI url) {
    String text = url.toString();
    if (url.getRawUserInfo() != null) {
      text = text.replace(url.getRawUserInfo() + "@", "");
    }
    return SECRET_VALUE.matcher(text).replaceAll("$1$2=***");
  }

  static void checkExtraName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SECRET_PARAMS.contains(lower)) {
      throw new IllegalArgumentException(
          "extraQueryParams may not contain '"
              + name
              + "': credentials travel only in the"
              + " Authorization header; pass a temporary token as the credential instead");
    }
    if (NAMED_PARAMS.contains(lower)) {
      throw new IllegalArgumentException(
          "extraQueryParams may not contain '" + name + "': set it through its named option");
    }
  }

  private static void add(StringJoiner query, String name, Object value) {
    if (value != null) {
      query.add(encode(name) + "=" + encode(String.valueOf(value)));
    }
  }

  /** Form encoding turns spaces into '+'; %20 means a space to every decoder. */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** 0.3 rather than 3.0E-1 style exponents, which a server's float parser may refuse. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
