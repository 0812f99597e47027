package dev.turntable.harness.cli;

import picocli.CommandLine.Option;

/** {@code -v}: errors keep their one line and add the stack trace ({@link UserErrorHandler}). */
final class Verbosity {
  @Option(names = {"-v", "--verbose"}, description = "On an error, also print its stack trace.")
  boolean verbose;
}
