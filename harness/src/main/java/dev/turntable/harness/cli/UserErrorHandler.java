package dev.turntable.harness.cli;

import dev.turntable.agent.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Problems the user can fix are printed as one clear line with exit code 2; anything else is a bug
 * and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  static final int USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed)
      throws Exception {
    if (e instanceof ConfigException
        || e instanceof UserException
        || e instanceof dev.turntable.agent.audio.javasound.NoAudioDeviceException
        || e instanceof dev.turntable.agent.audio.wav.WavFormatException) {
      cli.getErr().println("turntable: " + e.getMessage());
      return USER_ERROR;
    }
    throw e;
  }
}
