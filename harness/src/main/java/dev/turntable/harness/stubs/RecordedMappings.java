package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a fixture's recorded WireMock mappings ({@code http/mappings/**.json}, one mapping or a
 * {@code {"mappings":[…]}} list per file) with every delay divided by the replay speed: fixed
 * delays, chunked-dribble durations and random-delay parameters.
 *
 * <p>It never writes: saving through the admin API must not overwrite a recorded fixture.
 */
final class RecordedMappings implements MappingsSource {
  private final Path mappingsDir;
  private final StubTiming timing;

  RecordedMappings(Path mappingsDir, StubTiming timing) {
    this.mappingsDir = mappingsDir;
    this.timing = timing;
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    if (!Files.isDirectory(mappingsDir)) {
      return;
    }
    for (Path file : jsonFiles()) {
      for (StubMapping mapping : read(file)) {
        stubMappings.addMapping(mapping);
      }
    }
  }

  List<StubMapping> read(Path file) {
    try {
      JsonNode root = Json.getObjectMapper().readTree(Files.readString(file));
      JsonNode list = root.path("mappings");
      for (JsonNode mapping : list.isArray() ? list : List.of(root)) {
        scaleDelays(mapping.path("response"));
      }
      StubMappingCollection collection = Json.read(root.toString(), StubMappingCollection.class);
      return List.copyOf(collection.getMappingOrMappings());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot load recorded mapping " + file + ": " + e.getMessage()
              + " (expected WireMock mapping JSON, as written by the recorder)", e);
    }
  }

  private void scaleDelays(JsonNode response) {
    if (!(response instanceof ObjectNode object)) {
      return;
    }
    scale(object, "fixedDelayMilliseconds");
    scale(object.path("chunkedDribbleDelay"), "totalDuration");
    JsonNode distribution = object.path("delayDistribution");
    for (String field : List.of("median", "lower", "upper", "maxValue")) {
      scale(distribution, field);
    }
  }

  private void scale(JsonNode parent, String field) {
    if (parent instanceof ObjectNode object && object.path(field).isNumber()) {
      object.put(field, timing.scaleRecorded(object.path(field).asLong()));
    }
  }

  private List<Path> jsonFiles() {
    try (Stream<Path> files = Files.walk(mappingsDir)) {
      return files.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list recorded mappings in " + mappingsDir, e);
    }
  }

  // Saving, removing: deliberately nothing. Mappings added at run time live only in memory.
  @Override
  public void save(List<StubMapping> stubMappings) {}

  @Override
  public void save(StubMapping stubMapping) {}

  @Override
  public void remove(StubMapping stubMapping) {}

  @Override
  public void removeAll() {}
}
