package dev.turntable.harness.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process the test waits on by what it prints: its stdout lines are collected by a named
 * thread, its stderr goes to a file quoted in failure messages. {@link #close()} always ends it:
 * SIGTERM first (so {@code turntable agent} finishes its recording), then SIGKILL.
 */
final class RunningProcess implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final int QUOTED_LINES = 15;

  private final String name;
  private final Process process;
  private final Path stderr;
  private final List<String> lines = new ArrayList<>();
  private final List<Long> lineNanos = new ArrayList<>();
  private final Thread reader;

  private RunningProcess(String name, Process process, Path stderr) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::collect, "e2e-" + name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} in {@code dir} with the test's environment plus {@code env}. */
  static RunningProcess start(String name, List<String> command, Map<String, String> env, Path dir)
      throws IOException {
    Path stderr = dir.resolve(name + ".stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile());
    builder.environment().putAll(env);
    try {
      return new RunningProcess(name, builder.start(), stderr);
    } catch (IOException e) {
      throw new IOException("could not start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
    }
  }

  private void collect() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long now = System.nanoTime();
        synchronized (lines) {
          lines.add(line);
          lineNanos.add(now);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process was killed and its pipe closed under us: what it printed is all there is.
    } finally {
      synchronized (lines) {
        lines.notifyAll();
      }
    }
  }

  /**
   * Waits for a stdout line at index {@code from} or later that {@code matches}, and returns its
   * index; fails with "timed out waiting for {@code what}" and what the process printed.
   */
  int awaitLine(Predicate<String> matches, int from, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      for (int next = from; ; ) {
        for (; next < lines.size(); next++) {
          if (matches.test(lines.get(next))) {
            return next;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          String why = left <= 0 ? "timed out after " + timeout.toMillis() + " ms" : "it exited";
          throw new AssertionError(why + " waiting for " + what + " from " + describe());
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Waits (bounded) for the process to exit by itself; fails with its output if it does not. */
  int awaitExit(Duration timeout, String what) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
          + " from " + describe());
    }
    return process.exitValue();
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period; returns the exit code. */
  int stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    reader.join(STOP_GRACE.toMillis());
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** SIGKILL at once, as {@code kill -9}: no shutdown hook runs; returns the exit code (137). */
  int kill() throws InterruptedException {
    process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    reader.join(STOP_GRACE.toMillis());
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** When the test read line {@code index}, on {@link System#nanoTime()}. */
  long lineNanos(int index) {
    synchronized (lines) {
      return lineNanos.get(index);
    }
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Its name, state and the last lines of its stdout and stderr, for failure messages. */
  String describe() {
    String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
    return name + " (" + state + ")\n--- stdout (last lines) ---\n" + String.join("\n", tail(lines()))
        + "\n--- stderr (last lines) ---\n" + String.join("\n", tail(stderrLines()));
  }

  private List<String> stderrLines() {
    try {
      return Files.exists(stderr) ? Files.readAllLines(stderr, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return List.of("(could not read " + stderr + ": " + e.getMessage() + ")");
    }
  }

  private static List<String> tail(List<String> all) {
    return all.subList(Math.max(0, all.size() - QUOTED_LINES), all.size());
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
