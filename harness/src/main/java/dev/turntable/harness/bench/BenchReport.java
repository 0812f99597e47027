package dev.turntable.harness.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code turntable bench} measured, with the machine it ran on. */
record BenchReport(boolean quick, List<Figure> figures, double seconds) {
  BenchReport {
    figures = List.copyOf(figures);
  }

  boolean allTaken() {
    return figures.stream().allMatch(Figure::ok);
  }

  /** Cores, JVM and OS: the figures mean little without them. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        + ", max heap " + runtime.maxMemory() / 1048576 + " MB";
  }

  void print(PrintWriter out) {
    out.println("turntable bench" + (quick ? " --quick" : "") + " on " + machine());
    int nameWidth = figures.stream().mapToInt(f -> f.name().length()).max().orElse(10);
    for (Figure figure : figures) {
      out.printf("%-2s %-" + nameWidth + "s  %s%n", figure.item(), figure.name(), figure.value());
      if (!figure.how().isEmpty()) {
        out.printf("   %-" + nameWidth + "s    how: %s%n", "", figure.how());
      }
    }
    out.printf("took %.1f s%n", seconds);
    out.flush();
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("command", "turntable bench" + (quick ? " --quick" : ""));
    root.put("machine", machine());
    root.put("seconds", seconds);
    root.put("figures", figures);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }
}
