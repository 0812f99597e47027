package dev.turntable.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureFiles;
import dev.turntable.harness.fixture.TurnLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Grows a labelled corpus for scale figures: each variant is a copy of a labelled fixture whose
 * text is changed, not its audio. Every turn the agent hears while speaking (labelled interrupt or
 * ignore) moves by up to {@link #MAX_SHIFT_MS} on the audio axis, and a turn that is only a
 * backchannel gets another one ("Mhm." → "Uh-huh."). Small shifts keep the labels true; fixtures
 * about the grace window keep their timing, where a shift could change the right answer.
 *
 * <p>The STT messages carry the change; mic.wav and the files under http/ are hard links to the
 * source's where the file system allows (replay on the virtual clock does not listen to the audio),
 * and agent.jsonl is left out (the recorded decisions belong to the original timing).
 */
final class CorpusVariants {
  static final long MAX_SHIFT_MS = 150;
  private static final List<String> BACKCHANNELS =
      List.of("Mhm.", "Uh-huh.", "Yeah.", "Okay.", "Right.", "Mm-hmm.", "Yep.", "Uh, okay.");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Random random;

  private CorpusVariants(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Writes {@code count} variants of the labelled fixtures among {@code sources}, round robin, into
   * {@code out/<source>-vNNNN}. The same seed writes the same corpus.
   *
   * @return the new fixture folders
   */
  static List<Path> generate(List<Fixture> sources, int count, long seed, Path out) throws IOException {
    List<Fixture> labelled = sources.stream().filter(f -> !TurnLabel.of(f.manifest()).isEmpty()).toList();
    if (labelled.isEmpty()) {
      throw new IllegalArgumentException("none of the fixtures has labels to vary");
    }
    CorpusVariants variants = new CorpusVariants(seed);
    List<Path> written = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      Fixture source = labelled.get(k % labelled.size());
      Path dir = out.resolve(String.format(Locale.ROOT, "%s-v%04d", source.dir().getFileName(), k + 1));
      variants.write(source, dir);
      written.add(dir);
    }
    return written;
  }

  private void write(Fixture source, Path dir) throws IOException {
    Files.createDirectories(dir);
    boolean keepTiming = source.manifest().tags().contains("grace-window");
    Map<Integer, Change> changes = new HashMap<>();
    for (TurnLabel label : TurnLabel.of(source.manifest())) {
      if (label.expect() == TurnLabel.Expect.ORDINARY) {
        continue;
      }
      long shift = keepTiming ? 0 : random.nextLong(-MAX_SHIFT_MS / 10, MAX_SHIFT_MS / 10 + 1) * 10;
      String text = label.expect() == TurnLabel.Expect.IGNORE && BACKCHANNELS.contains(label.text())
          ? BACKCHANNELS.get(random.nextInt(BACKCHANNELS.size()))
          : null;
      changes.put(label.turn(), new Change(shift, text));
    }
    long micMs = (long) source.micDurationMs();
    writeStt(source.dir().resolve(FixtureFiles.STT), dir.resolve(FixtureFiles.STT), changes, micMs);
    writeManifest(source, dir.resolve(FixtureFiles.MANIFEST), changes);
    link(source.micWav(), dir.resolve(FixtureFiles.MIC));
    if (source.httpDir().isPresent()) {
      copyTree(source.httpDir().get(), dir.resolve(FixtureFiles.HTTP));
    }
  }

  /** How one turn changes: moved on the audio axis, and its words replaced (or not, when null). */
  private record Change(long shiftMs, String text) {}

  private static void writeStt(Path from, Path to, Map<Integer, Change> changes, long micMs) throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        lines.add((ObjectNode) JSON.readTree(line));
      }
    }
    // SpeechStarted belongs to the Turn that follows it.
    Integer pendingTurn = null;
    for (int i = lines.size() - 1; i >= 0; i--) {
      ObjectNode line = lines.get(i);
      JsonNode json = line.get("json");
      String type = line.path("type").asText();
      if (type.equals("Turn")) {
        pendingTurn = json.path("turn_order").asInt();
        apply(line, changes.get(pendingTurn), micMs);
      } else if (type.equals("SpeechStarted") && pendingTurn != null) {
        apply(line, changes.get(pendingTurn), micMs);
      }
    }
    // A moved message goes where its new audio position puts it: audio_ms never decreases.
    lines.sort(Comparator.comparingLong(l -> l.path("audio_ms").asLong()));
    StringBuilder text = new StringBuilder();
    for (ObjectNode line : lines) {
      text.append(JSON.writeValueAsString(line)).append('\n');
    }
    Files.writeString(to, text, StandardCharsets.UTF_8);
  }

  private static void apply(ObjectNode line, Change change, long micMs) {
    if (change == null) {
      return;
    }
    long shift = change.shiftMs();
    long audio = Math.max(0, Math.min(micMs, line.path("audio_ms").asLong() + shift));
    shift = audio - line.path("audio_ms").asLong();
    line.put("audio_ms", audio);
    line.put("t_ms", Math.max(0, line.path("t_ms").asDouble() + shift));
    ObjectNode json = (ObjectNode) line.get("json");
    if (json.has("timestamp")) {
      json.put("timestamp", Math.max(0, json.path("timestamp").asLong() + shift));
    }
    if (!json.has("words")) {
      return;
    }
    ArrayNode words = (ArrayNode) json.get("words");
    if (change.text() != null && !words.isEmpty()) {
      words = respell(words, change.text());
      json.set("words", words);
      json.put("transcript", change.text());
      json.put("utterance", change.text());
    }
    for (JsonNode word : words) {
      ((ObjectNode) word).put("start", Math.max(0, word.path("start").asLong() + shift));
      ((ObjectNode) word).put("end", Math.max(0, word.path("end").asLong() + shift));
    }
  }

  /** The new words spread evenly over the old ones' span, as the scripted mock times them. */
  private static ArrayNode respell(ArrayNode old, String text) {
    long start = old.get(0).path("start").asLong();
    long end = old.get(old.size() - 1).path("end").asLong();
    String[] tokens = text.split("\\s+");
    ArrayNode words = JSON.createArrayNode();
    for (int i = 0; i < tokens.length; i++) {
      ObjectNode word = ((ObjectNode) old.get(0)).deepCopy();
      word.put("text", tokens[i]);
      word.put("start", start + (end - start) * i / tokens.length);
      word.put("end", start + (end - start) * (i + 1) / tokens.length);
      words.add(word);
    }
    return words;
  }

  private static void writeManifest(Fixture source, Path to, Map<Integer, Change> changes) throws IOException {
    ObjectNode manifest = (ObjectNode) JSON.readTree(source.dir().resolve(FixtureFiles.MANIFEST).toFile());
    ObjectNode expected = JSON.createObjectNode();
    ArrayNode labels = expected.putArray("labels");
    List<String> notes = new ArrayList<>();
    for (TurnLabel label : TurnLabel.of(source.manifest())) {
      Change change = changes.get(label.turn());
      String text = change != null && change.text() != null ? change.text() : label.text();
      labels.addObject().put("turn", label.turn()).put("text", text).put("expect", label.expect().jsonName());
      if (change != null) {
        notes.add("turn " + label.turn() + (change.shiftMs() >= 0 ? " +" : " ") + change.shiftMs() + " ms"
            + (change.text() == null ? "" : " \"" + text + "\""));
      }
    }
    manifest.put("description", source.manifest().description() + " [variant: " + String.join(", ", notes) + "]");
    manifest.set("expected", expected);
    JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(to.toFile(), manifest);
  }

  /** A hard link where the file system allows one (a thousand variants share their audio), else a copy. */
  private static void link(Path file, Path target) throws IOException {
    Files.deleteIfExists(target);
    try {
      Files.createLink(target, file.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(file, target);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          link(file, target);
        }
      }
    }
  }
}
