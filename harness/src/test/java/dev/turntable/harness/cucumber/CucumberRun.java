package dev.turntable.harness.cucumber;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Cucumber in this JVM on some feature files, as a user's runner would, and says how it went. */
public final class CucumberRun {
  private CucumberRun() {}

  /**
   * @param glue packages with steps and hooks (the step library and any extra)
   * @return Cucumber's exit status: 0 when every scenario passed
   */
  public static byte run(List<String> glue, List<String> plugins, List<Path> features) {
    List<String> args = new ArrayList<>();
    for (String g : glue) {
      args.add("--glue");
      args.add(g);
    }
    for (String p : plugins) {
      args.add("--plugin");
      args.add(p);
    }
    args.add("--monochrome");
    features.forEach(f -> args.add(f.toString()));
    return io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
  }
}
