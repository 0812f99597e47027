package dev.turntable.harness.eval;

import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The fixture folders some paths name: each path is a fixture (it has a fixture.json) or a folder
 * of fixtures. Sorted and without repeats, so every CI shard sees the same order.
 */
public final class Corpus {
  private Corpus() {}

  /** @throws IllegalArgumentException naming a path that is no fixture and holds none */
  public static List<Path> folders(List<Path> paths) {
    TreeSet<Path> dirs = new TreeSet<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        throw new IllegalArgumentException(path + ": no such fixture folder");
      }
      if (Files.exists(path.resolve("fixture.json"))) {
        dirs.add(path.normalize());
        continue;
      }
      try (Stream<Path> children = Files.list(path)) {
        List<Path> found = children.filter(d -> Files.exists(d.resolve("fixture.json"))).toList();
        if (found.isEmpty()) {
          throw new IllegalArgumentException(path + ": holds no fixtures (folders with a fixture.json)");
        }
        found.forEach(d -> dirs.add(d.normalize()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ArrayList<>(dirs);
  }

  /** Reads every folder; a broken fixture throws its {@code FixtureException}. */
  public static List<Fixture> read(List<Path> folders) {
    return folders.stream().map(FixtureReader::read).toList();
  }
}
