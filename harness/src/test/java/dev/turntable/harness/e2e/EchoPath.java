package dev.turntable.harness.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated room of {@code .ci/virtual-audio.sh echo-path}: while on, what the virtual speaker
 * plays reaches the virtual microphone 60 ms later at about -18 dB, as a laptop's own speakers reach
 * its microphone. The script holds the levels, so CI and a developer's shell use the same room.
 */
final class EchoPath implements AutoCloseable {
  private static final Path SCRIPT = Path.of("..", ".ci", "virtual-audio.sh");

  private EchoPath() {}

  static EchoPath on() throws IOException, InterruptedException {
    run("on");
    return new EchoPath();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("off");
  }

  private static void run(String state) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of("bash", SCRIPT.toString(), "echo-path", state))
        .redirectErrorStream(true).start();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(SCRIPT + " echo-path " + state + " did not finish within 10 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(SCRIPT + " echo-path " + state + " failed: " + output.strip());
    }
  }
}
