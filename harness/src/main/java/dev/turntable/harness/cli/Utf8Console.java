package dev.turntable.harness.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Java 17 encodes stdout and stderr in the locale's charset, so under {@code LANG=C} every "—" or
 * "…" becomes "?". The CLI writes UTF-8 whatever the locale, as the terminals and CI logs it
 * targets expect.
 */
final class Utf8Console {
  private Utf8Console() {}

  /**
   * Replaces {@link System#out} and {@link System#err}, then builds the command line and points it
   * at them. The order matters: picocli remembers {@code System.out} when a command line is built,
   * and if it has changed since, swaps our writer for one in the locale's charset.
   */
  static CommandLine install(Supplier<CommandLine> commandLine) {
    PrintStream out = open(FileDescriptor.out);
    PrintStream err = open(FileDescriptor.err);
    System.setOut(out);
    System.setErr(err);
    return commandLine.get().setOut(writer(out)).setErr(writer(err));
  }

  private static PrintStream open(FileDescriptor fd) {
    return new PrintStream(
        new BufferedOutputStream(new FileOutputStream(fd)), true, StandardCharsets.UTF_8);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
