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
    return new HttpReply(
        endpoint,
        response.path("status").asInt(200),
        response.path("headers").path("Content-Type").asText(""),
        body(response, files),
        response.path("fixedDelayMilliseconds").asLong(0),
        dribble.path("numberOfChunks").asInt(1),
        dribble.path("totalDuration").asInt(0));
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
