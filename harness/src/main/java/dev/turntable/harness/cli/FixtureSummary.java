package dev.turntable.harness.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureManifest;
import dev.turntable.harness.fixture.SttFrame;
import dev.turntable.harness.fixture.TurnLabel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What {@code turntable inspect} prints for a valid fixture: a summary, then one timeline. */
final class FixtureSummary {
  /** A timeline line: where it happened on the audio axis, and what. */
  private record Entry(long audioMs, int order, String text) {}

  private FixtureSummary() {}

  static void print(PrintWriter out, Fixture fixture) throws IOException {
    FixtureManifest m = fixture.manifest();
    out.printf("%n== %s: valid%n", fixture.dir());
    field(out, "description", m.description());
    field(out, "tags", String.join(", ", m.tags()));
    if (m.recordedBy() != null) {
      field(out, "recorded by", m.recordedBy().tool() + " " + m.recordedBy().version());
    }
    field(out, "mic.wav", String.format(Locale.ROOT, "%.2f s", fixture.micDurationMs() / 1000));
    field(out, "stt.jsonl", fixture.sttFrames().size() + " frames: " + counts(fixture.sttFrames(), FixtureSummary::frameType));
    field(out, "agent.jsonl", fixture.agentEvents().size() + " events");
    field(out, "http", exchanges(fixture) + " LLM/TTS exchanges");
    field(out, "size", String.format(Locale.ROOT, "%.0f KB", size(fixture.dir()) / 1024.0));
    if (m.agent() != null) {
      field(out, "preset", m.agent().preset());
      FixtureManifest.Policy p = m.agent().policy();
      if (p != null) {
        field(out, "policy", "minWords " + p.minWords() + ", grace " + p.graceWindowMs() + " ms, always interrupt "
            + p.alwaysInterrupt() + ", " + p.backchannels().size() + " backchannels");
      }
    }
    if (m.expected() instanceof ObjectNode expected) {
      field(out, "expected", expected.deepCopy().without(List.of("labels")).toString());
    }
    List<TurnLabel> labels = TurnLabel.of(m);
    field(out, "labels", labels.isEmpty() ? "none" : labels.size() + " turns: " + counts(labels, l -> l.expect().jsonName()));
    out.println("  timeline (audio time):");
    timeline(fixture, labels).forEach(e -> out.printf(Locale.ROOT, "  %7.2f s  %s%n", e.audioMs() / 1000.0, e.text()));
  }

  private static List<Entry> timeline(Fixture fixture, List<TurnLabel> labels) {
    Map<Integer, TurnLabel> byTurn = new TreeMap<>();
    labels.forEach(l -> byTurn.put(l.turn(), l));
    List<Entry> entries = new ArrayList<>();
    int order = 0;
    for (SttFrame frame : fixture.sttFrames()) {
      if (frame instanceof SttFrame.Message msg && msg.dir() == SttFrame.Direction.OUT && msg.type().equals("Turn")
          && msg.json().path("end_of_turn").asBoolean()) {
        int turn = msg.json().path("turn_order").asInt();
        TurnLabel label = byTurn.get(turn);
        entries.add(new Entry(msg.audioMs(), order++, "stt      turn " + turn + " final: \""
            + msg.json().path("transcript").asText() + "\"" + (label == null ? "" : "   [label: " + label.expect().jsonName() + "]")));
      } else if (frame instanceof SttFrame.Close close) {
        entries.add(new Entry(close.audioMs(), order++, "stt      connection closed " + close.code()
            + (close.remote() ? " by the server" : "") + (close.reason().isEmpty() ? "" : ": " + close.reason())));
      } else if (frame instanceof SttFrame.Connect connect) {
        entries.add(new Entry(connect.audioMs(), order++, "stt      connected"));
      }
    }
    for (AgentEventLine line : fixture.agentEvents()) {
      String printed = new Timeline(List.of(line)).printed();
      if (!printed.isBlank()) {
        entries.add(new Entry(line.audioMs(), order++, printed.strip().replaceFirst("^\\S+ s\\s+", "")));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::audioMs).thenComparingInt(Entry::order));
    return entries;
  }

  private static String frameType(SttFrame frame) {
    if (frame instanceof SttFrame.Message m) {
      return m.type();
    }
    return frame.getClass().getSimpleName();
  }

  private static <T> String counts(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()))
        .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  private static long exchanges(Fixture fixture) throws IOException {
    if (fixture.httpDir().isEmpty() || !Files.isDirectory(fixture.httpDir().get().resolve("mappings"))) {
      return 0;
    }
    try (Stream<Path> files = Files.list(fixture.httpDir().get().resolve("mappings"))) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void field(PrintWriter out, String name, String value) {
    if (value != null && !value.isEmpty()) {
      out.printf("  %-12s %s%n", name, value);
    }
  }
}
