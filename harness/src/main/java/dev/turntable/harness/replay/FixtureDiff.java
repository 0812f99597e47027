package dev.turntable.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.SttFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What differs between two fixtures of the same session — e.g. a recording and the recording of its
 * replay — once volatile fields are masked: times, audio positions, session ids, the mock's port.
 */
final class FixtureDiff {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private FixtureDiff() {}

  static List<String> between(Fixture a, Fixture b) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Arrays.equals(a.micPcm(), b.micPcm())) {
      out.add("mic.wav: audio differs (" + a.micPcm().length + " vs " + b.micPcm().length + " bytes)");
    }
    if (!Objects.equals(a.manifest().agent(), b.manifest().agent())
        || !Objects.equals(a.manifest().stt().params(), b.manifest().stt().params())
        || !Objects.equals(a.manifest().expected(), b.manifest().expected())) {
      out.add("fixture.json: settings differ");
    }
    compareList(out, "stt.jsonl server messages", serverMessages(a), serverMessages(b));
    compareList(out, "stt.jsonl client messages", clientMessages(a), clientMessages(b));
    out.addAll(new Timeline(a.agentEvents()).decisionDifferences(new Timeline(b.agentEvents())));
    compareBodies(out, bodies(a), bodies(b));
    return out;
  }

  private static List<String> serverMessages(Fixture f) {
    return messages(f, SttFrame.Direction.OUT);
  }

  private static List<String> clientMessages(Fixture f) {
    return messages(f, SttFrame.Direction.IN);
  }

  /** Messages as sent, but Begin and Termination, whose ids and durations are the session's own. */
  private static List<String> messages(Fixture f, SttFrame.Direction dir) {
    return f.sttFrames().stream()
        .filter(frame -> frame instanceof SttFrame.Message && frame.dir() == dir)
        .map(frame -> ((SttFrame.Message) frame).json())
        .filter(json -> !Set.of("Begin", "Termination").contains(json.path("type").asText()))
        .map(JsonNode::toString)
        .toList();
  }

  private record Body(String name, boolean complete, int hash) {}

  /**
   * The recorded reply bodies. A reply the agent abandoned mid-stream (a barge-in cancelled it) is
   * recorded as far as it got, which depends on timing: then only its name is compared.
   */
  private static List<Body> bodies(Fixture f) throws IOException {
    Path mappings = f.httpDir().map(d -> d.resolve("mappings")).orElse(null);
    if (mappings == null || !Files.isDirectory(mappings)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(mappings)) {
      List<Body> out = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        JsonNode mapping = JSON.readTree(file.toFile());
        String name = mapping.path("response").path("bodyFileName").asText();
        boolean complete = mapping.path("metadata").path("turntable").path("complete").asBoolean(true);
        Path body = f.httpDir().get().resolve("__files").resolve(name);
        out.add(new Body(name, complete, Files.exists(body) ? Arrays.hashCode(Files.readAllBytes(body)) : 0));
      }
      return out;
    }
  }

  private static void compareBodies(List<String> out, List<Body> a, List<Body> b) {
    compareList(
        out,
        "http exchanges",
        a.stream().map(Body::name).toList(),
        b.stream().map(Body::name).toList());
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Body x = a.get(i);
      Body y = b.get(i);
      if (x.complete() && y.complete() && x.hash() != y.hash()) {
        out.add("http/__files/" + x.name() + ": reply body differs");
        return;
      }
    }
  }

  private static void compareList(List<String> out, String what, List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "(nothing)";
      String y = i < b.size() ? b.get(i) : "(nothing)";
      if (!x.equals(y)) {
        out.add(what + " #" + (i + 1) + ":\n    - " + x + "\n    + " + y);
        return;
      }
    }
  }

}
