package dev.turntable.harness.cli;

import dev.turntable.harness.replay.FixtureSynthesizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "synthesize",
    mixinStandardHelpOptions = true,
    description = {
      "Make a fixture from a conversation script, without a microphone or keys: espeak-ng speaks",
      "the user's lines, the mock AssemblyAI server transcribes them, the stubs answer, and the",
      "real agent is recorded at real time. Needs espeak-ng (apt-get install espeak-ng sox)."
    })
final class SynthesizeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONVERSATION", converter = Converters.ConversationFile.class, description = "A conversation.json (see harness/docs/conversation-script.md).")
  Path script;

  @Option(names = "--out", required = true, paramLabel = "DIR", converter = Converters.NewFolder.class, description = "The new fixture folder (must not hold files).")
  Path out;

  @Mixin Verbosity verbosity;

  @Override
  public Integer call() throws Exception {
    Path fixture = FixtureSynthesizer.synthesize(script, out, VersionProvider.version());
    System.out.println("wrote fixture " + fixture);
    return 0;
  }
}
