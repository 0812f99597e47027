package dev.turntable.harness.cli;

import dev.turntable.agent.turn.InterruptionPolicy;
import dev.turntable.harness.eval.Corpus;
import dev.turntable.harness.eval.CorpusEval;
import dev.turntable.harness.eval.EvalException;
import dev.turntable.harness.eval.EvalResult;
import dev.turntable.harness.eval.EvalTable;
import dev.turntable.harness.eval.PolicyVariant;
import dev.turntable.harness.eval.VariantScore;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureException;
import dev.turntable.harness.fixture.FixtureReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Replay every labelled fixture under several interruption policies and score each labelled",
      "turn: false interruptions, missed interruptions, dropped ordinary turns, correct decisions,",
      "per rule, the policies side by side: the barge-in guide's own, Turntable's default, and",
      "yours (--policy or the policy options). Exit code 1 when a rate of your policy (or of the",
      "default when you give none) is worse than a --max-… limit."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FIXTURE", arity = "0..*", description = "Fixture folders, or folders of fixtures (default: ./fixtures).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "FILE", description = "Your policy as JSON: backchannels, minWords, graceWindowMs, alwaysInterrupt (others keep the defaults).")
  Path policyFile;

  @Option(names = "--min-words", paramLabel = "N", description = "Your policy: turns shorter than this are ignored while the agent speaks.")
  Integer minWords;

  @Option(names = "--grace-ms", paramLabel = "MS", description = "Your policy: keep filtering this long after the agent's audio ended.")
  Long graceMs;

  @Option(names = "--backchannels", split = ",", paramLabel = "WORDS", description = "Your policy: words ignored while the agent speaks.")
  List<String> backchannels;

  @Option(names = "--always-interrupt", split = ",", paramLabel = "WORDS", description = "Your policy: words that interrupt however short the turn (give an empty string for none).")
  List<String> alwaysInterrupt;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
  Path json;

  @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1", description = "Evaluate only slice i of n of the sorted corpus, for CI runners (default: ${DEFAULT-VALUE}).")
  String shard;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Replays run at once (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--max-false-interruptions", paramLabel = "RATE", description = "Fail above this rate, e.g. 0.05 or 5%%.")
  String maxFalse;

  @Option(names = "--max-missed-interruptions", paramLabel = "RATE", description = "Fail above this rate.")
  String maxMissed;

  @Option(names = "--max-dropped-turns", paramLabel = "RATE", description = "Fail above this rate.")
  String maxDropped;

  @Override
  public Integer call() throws Exception {
    Thresholds limits;
    Shard slice;
    List<PolicyVariant> variants;
    try {
      limits = new Thresholds(
          Thresholds.parseRate(maxFalse, "--max-false-interruptions"),
          Thresholds.parseRate(maxMissed, "--max-missed-interruptions"),
          Thresholds.parseRate(maxDropped, "--max-dropped-turns"));
      slice = Shard.parse(shard);
      if (jobs < 1) {
        throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
      }
      variants = variants();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    List<Path> dirs = slice.select(folders(paths.isEmpty() ? List.of(ReplayCommand.DEFAULT_FIXTURES) : paths));
    List<Fixture> corpus = new ArrayList<>();
    for (Path dir : dirs) {
      try {
        corpus.add(FixtureReader.read(dir));
      } catch (FixtureException e) {
        throw new UserException(e.getMessage());
      }
    }
    EvalResult result;
    try {
      result = CorpusEval.replaying(jobs).run(corpus, variants);
    } catch (EvalException e) {
      throw new UserException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!Shard.ALL.equals(slice)) {
      out.printf("shard %s: %d of the corpus's fixtures%n", slice, dirs.size());
    }
    if (result.fixtures().size() < corpus.size()) {
      out.printf("%d fixtures have no labels and were skipped%n", corpus.size() - result.fixtures().size());
    }
    if (result.fixtures().isEmpty()) {
      out.println("no labelled fixtures: nothing to score");
      out.flush();
      return 0;
    }
    EvalTable.print(out, result);
    if (json != null) {
      EvalJson.write(json, result);
      out.println("json: " + json);
    }
    VariantScore gated = result.variants().get(result.variants().size() - 1);
    List<String> violations = limits.violations(gated);
    violations.forEach(v -> out.println("FAIL " + v));
    out.flush();
    return violations.isEmpty() ? 0 : 1;
  }

  static List<Path> folders(List<Path> paths) {
    try {
      return Corpus.folders(paths);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The guide's, the default, and the user's when any policy option was given (it is gated). */
  private List<PolicyVariant> variants() {
    List<PolicyVariant> variants = new ArrayList<>(List.of(PolicyVariant.guide(), PolicyVariant.turntableDefault()));
    boolean flags = minWords != null || graceMs != null || backchannels != null || alwaysInterrupt != null;
    if (policyFile != null || flags) {
      InterruptionPolicy base = policyFile == null ? InterruptionPolicy.defaults() : PolicyFile.read(policyFile);
      List<String> always = alwaysInterrupt == null ? null
          : alwaysInterrupt.stream().filter(w -> !w.isBlank()).toList();
      variants.add(new PolicyVariant("yours",
          PolicyFile.overlay(base, backchannels, minWords, graceMs, always)));
    }
    return variants;
  }

}
