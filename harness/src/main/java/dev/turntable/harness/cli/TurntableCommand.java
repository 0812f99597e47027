package dev.turntable.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code turntable} command line. */
@Command(
    name = "turntable",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A live voice agent, and a record/replay test harness for it.",
    subcommands = {
      AgentCommand.class,
      BenchCommand.class,
      DevicesCommand.class,
      RecordCommand.class,
      EvalCommand.class,
      InspectCommand.class,
      ReplayCommand.class,
      ServeCommand.class,
      SynthesizeCommand.class,
      VaryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TurntableCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(Utf8Console.install(TurntableCommand::commandLine).execute(args));
  }

  /** The command line with every subcommand; tests run it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TurntableCommand());
    UserErrorHandler errors = new UserErrorHandler();
    cli.setExecutionExceptionHandler(errors);
    cli.setParameterExceptionHandler(errors);
    return cli;
  }
}
