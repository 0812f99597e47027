package dev.turntable.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A fixture's recorded LLM/TTS exchanges ({@code http/mappings} + {@code __files}), served in
 * recorded order per endpoint — what the stubs' scenario states do over the wire. Read with the
 * same timing fields the stubs apply: {@code fixedDelayMilliseconds} and {@code
 * chunkedDribbleDelay}.
 */
final class RecordedExchanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<HttpReply> replies;
  private final Deque<HttpReply> unused;

  private RecordedExchanges(List<HttpReply> replies) {
    this.replies = List.copyOf(replies);
    this.unused = new ArrayDeque<>(replies);
  }

  static RecordedExchanges none() {
    return new RecordedExchanges(List.of());
  }

  static RecordedExchanges load(Path httpDir) {
    Path mappings = httpDir.resolve("mappings");
    List<HttpReply> replies = new ArrayList<>();
    if (Files.isDirectory(mappings)) {
      for (Path file : jsonFiles(mappings)) {
        replies.addAll(read(file, httpDir.resolve("__files")));
      }
    }
    return new RecordedExchanges(replies);
  }

  /** The next recorded reply whose endpoint (method and path) {@code endpoint} accepts. */
  HttpReply next(String description, Predicate<String> endpoint) {
    for (HttpReply reply : unused) {
      if (endpoint.test(reply.endpoint())) {
        unused.remove(reply);
        return reply;
      }
    }
    return HttpReply.notRecorded(description);
  }

  int size() {
    return replies.size();
  }

  private static List<HttpReply> read(Path file, Path files) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode list = root.path("mappings");
      List<HttpReply> replies = new ArrayList<>();
      for (JsonNode mapping : list.isArray() ? list : List.of(root)) {
        replies.add(reply(mapping, files));
      }
      return replies;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read recorded mapping " + file + ": " + e.getMessage(), e);
    }
  }

  private static HttpReply reply(JsonNode mapping, Path files) throws IOException {
    JsonNode request = mapping.path("request");
    String path = request.path("urlPath").asText(request.path("url").asText(""));
    String endpoint = request.path("method").asText("ANY") + " " + path;
    JsonNode response = mapping.path("response");
    JsonNode dribble = response.path("chunkedDribbleDelay");
    byte[] body = body(response, files);
    return new HttpReply(
        endpoint,
        response.path("status").asInt(200),
        response.path("headers").path("Content-Type").asText(""),
        body,
        response.path("fixedDelayMilliseconds").asLong(0),
        dribble.path("numberOfChunks").asInt(1),
        dribble.path("totalDuration").asInt(0),
        recordedPieces(mapping.path("metadata").path("turntable"), body),
        mapping.path("metadata").path("turntable").path("complete").asBoolean(true));
  }

  /**
   * The body cut as it arrived in the recording ({@code chunkTimesMs} and {@code chunkBytes}), or
   * nothing when the mapping lacks them or they do not add up to the body.
   */
  private static List<HttpReply.Piece> recordedPieces(JsonNode meta, byte[] body) {
    JsonNode times = meta.path("chunkTimesMs");
    JsonNode sizes = meta.path("chunkBytes");
    if (!times.isArray() || !sizes.isArray() || times.size() != sizes.size() || times.isEmpty()) {
      return List.of();
    }
    List<HttpReply.Piece> pieces = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < times.size(); i++) {
      int size = sizes.get(i).asInt(-1);
      if (size < 0 || offset + size > body.length) {
        return List.of();
      }
      pieces.add(new HttpReply.Piece(times.get(i).asDouble(), java.util.Arrays.copyOfRange(body, offset, offset + size)));
      offset += size;
    }
    return offset == body.length ? pieces : List.of();
  }

  private static byte[] body(JsonNode response, Path files) throws IOException {
    if (response.hasNonNull("bodyFileName")) {
      return Files.readAllBytes(files.resolve(response.get("bodyFileName").asText()));
    }
    if (response.hasNonNull("base64Body")) {
      return Base64.getDecoder().decode(response.get("base64Body").asText());
    }
    if (response.hasNonNull("jsonBody")) {
      return response.get("jsonBody").toString().getBytes(StandardCharsets.UTF_8);
    }
    return response.path("body").asText("").getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list recorded mappings in " + dir, e);
    }
  }
}
