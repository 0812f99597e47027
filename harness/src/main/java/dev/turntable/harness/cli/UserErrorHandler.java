package dev.turntable.harness.cli;

import dev.turntable.agent.audio.javasound.NoAudioDeviceException;
import dev.turntable.agent.audio.wav.WavFormatException;
import dev.turntable.agent.config.ConfigException;
import dev.turntable.harness.fixture.FixtureException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every failure ends in one line on stderr, {@code turntable <command>: <what is wrong>}: bad flags
 * and problems the user can fix (a broken file, a missing folder, no device) exit with 2; anything
 * else is a bug and exits with 1. The stack trace is printed only with {@code -v}.
 */
final class UserErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int USER_ERROR = 2;
  static final int INTERNAL_ERROR = 1;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    String help = "see '" + cli.getCommandSpec().qualifiedName() + " --help'";
    String suggestion = "";
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    err.println(prefix(cli) + e.getMessage() + suggestion + " (" + help + ")");
    if (isVerbose(args)) {
      e.printStackTrace(err);
    }
    err.flush();
    return USER_ERROR;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    boolean user = isUserError(e);
    if (user) {
      err.println(prefix(cli) + describe(e));
    } else {
      err.println(prefix(cli) + "internal error: " + e + " (a bug; -v prints the stack trace)");
    }
    if (isVerbose(parsed.originalArgs().toArray(String[]::new))) {
      e.printStackTrace(err);
    }
    err.flush();
    return user ? USER_ERROR : INTERNAL_ERROR;
  }

  private static boolean isUserError(Throwable e) {
    return e instanceof ConfigException
        || e instanceof UserException
        || e instanceof FixtureException
        || e instanceof NoAudioDeviceException
        || e instanceof WavFormatException
        || e instanceof FileSystemException
        || (e instanceof UncheckedIOException unchecked && isUserError(unchecked.getCause()))
        || causedByBusyPort(e);
  }

  /** A server that cannot listen names the address; the port is in use, or not ours to take. */
  private static boolean causedByBusyPort(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /** The file system's exceptions carry only the path: say what is wrong with it. */
  private static String describe(Throwable e) {
    if (e instanceof UncheckedIOException unchecked) {
      return describe(unchecked.getCause());
    }
    if (e instanceof FileSystemException fs && fs.getReason() == null) {
      String what =
          e instanceof NoSuchFileException ? "no such file or folder"
              : e instanceof AccessDeniedException ? "permission denied"
              : e instanceof FileAlreadyExistsException ? "already exists"
              : e instanceof DirectoryNotEmptyException ? "folder is not empty"
              : e instanceof NotDirectoryException ? "not a folder"
              : "cannot be used";
      return fs.getFile() + ": " + what;
    }
    return e.getMessage();
  }

  private static String prefix(CommandLine cli) {
    return cli.getCommandSpec().qualifiedName() + ": ";
  }

  /** {@code -v} anywhere on the line, so it works for parse errors too. */
  private static boolean isVerbose(String[] args) {
    for (String arg : args) {
      if (arg.equals("-v") || arg.equals("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
