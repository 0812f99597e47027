package dev.turntable.harness.mockstt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the upgrade request's query parameters the way the real service does, leniently. */
final class QueryParameterParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SUPPORTED_ENCODINGS = Set.of("pcm_s16le", "pcm_mulaw");
  /** Known to this mock but not kept: the credential must never reach records or logs. */
  private static final String TOKEN = "token";

  private final Map<String, String> query;

  private QueryParameterParser(Map<String, String> query) {
    this.query = query;
  }

  static SessionParameters parse(Map<String, String> query) {
    return new QueryParameterParser(query).parse();
  }

  private SessionParameters parse() {
    SessionParameters d = SessionParameters.defaults();
    return new SessionParameters(
        integer("sample_rate").orElse(d.sampleRate()),
        encoding(),
        text("speech_model").orElse(d.speechModel()),
        text("mode").orElse(d.mode()),
        integer("min_turn_silence")
            .or(() -> integer("min_end_of_turn_silence_when_confident"))
            .orElse(d.minTurnSilenceMs()),
        integer("max_turn_silence").orElse(d.maxTurnSilenceMs()),
        stringList("keyterms_prompt").orElse(List.of()),
        text("prompt"),
        bool("language_detection").orElse(false),
        bool("format_turns").orElse(false),
        bool("speaker_labels").orElse(false),
        integer("max_speakers"),
        seconds("inactivity_timeout"),
        decimal("vad_threshold").orElse(d.vadThreshold()),
        unknownParameters());
  }

  private static final Set<String> KNOWN =
      Set.of(
          "sample_rate", "encoding", "speech_model", "mode", "min_turn_silence",
          "min_end_of_turn_silence_when_confident", "max_turn_silence", "keyterms_prompt",
          "prompt", "language_detection", "format_turns", "speaker_labels", "max_speakers",
          "inactivity_timeout", "vad_threshold", TOKEN);

  private Map<String, String> unknownParameters() {
    Map<String, String> unknown = new HashMap<>(query);
    unknown.keySet().removeAll(KNOWN);
    return unknown;
  }

  private String encoding() {
    String encoding = text("encoding").orElse(SessionParameters.DEFAULT_ENCODING);
    if (!SUPPORTED_ENCODINGS.contains(encoding)) {
      throw invalid("encoding", encoding, "this mock times audio only for pcm_s16le or pcm_mulaw");
    }
    return encoding;
  }

  private Optional<String> text(String name) {
    return Optional.ofNullable(query.get(name));
  }

  private Optional<Integer> integer(String name) {
    return text(name).map(value -> parseInteger(name, value));
  }

  private Optional<Double> decimal(String name) {
    return text(name).map(value -> parseDecimal(name, value));
  }

  private Optional<Boolean> bool(String name) {
    return text(name).map(value -> parseBoolean(name, value));
  }

  private Optional<Duration> seconds(String name) {
    return decimal(name)
        .map(
            s -> {
              if (s <= 0) {
                throw invalid(name, query.get(name), "expected a positive number of seconds");
              }
              return Duration.ofNanos(Math.round(s * 1e9));
            });
  }

  private Optional<List<String>> stringList(String name) {
    return text(name).map(value -> parseStringList(name, value));
  }

  static int parseInteger(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, value, "expected an integer");
    }
  }

  static double parseDecimal(String name, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, value, "expected a number");
    }
  }

  /** Python's SDK sends {@code True}/{@code False}, the Node SDK {@code true}/{@code false}. */
  static boolean parseBoolean(String name, String value) {
    if (value.trim().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.trim().equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(name, value, "expected true or false");
  }

  static List<String> parseStringList(String name, String value) {
    JsonNode node;
    try {
      node = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw invalid(name, value, "expected a JSON array of strings such as [\"a\",\"b\"]");
    }
    return stringList(name, value, node);
  }

  static List<String> stringList(String name, String raw, JsonNode node) {
    if (node == null || !node.isArray()) {
      throw invalid(name, raw, "expected a JSON array of strings such as [\"a\",\"b\"]");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw invalid(name, raw, "every item must be a string");
      }
      items.add(item.asText());
    }
    return items;
  }

  static IllegalArgumentException invalid(String name, String value, String expected) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return new IllegalArgumentException(
        "Invalid parameter " + name + "='" + shown + "': " + expected);
  }
}
