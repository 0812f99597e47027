package dev.turntable.harness.eval;

import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.TurnLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays every labelled fixture of a corpus under each policy variant and scores each labelled
 * turn's decision against its label. Replays run on {@code jobs} threads; the result does not
 * depend on how many, since each replay is independent and results are kept in corpus order.
 */
public final class CorpusEval {
  /** What replays one fixture under one policy: the real replay, or a stand-in in tests. */
  @FunctionalInterface
  public interface Replayer {
    Timeline replay(Fixture fixture, PolicyVariant variant) throws Exception;
  }

  private final Replayer replayer;
  private final int jobs;

  private CorpusEval(Replayer replayer, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
    }
    this.replayer = replayer;
    this.jobs = jobs;
  }

  /** Replays with the agent's real code, {@code jobs} fixtures at a time. */
  public static CorpusEval replaying(int jobs) {
    return new CorpusEval((fixture, variant) -> EvalReplay.run(fixture, variant.policy()), jobs);
  }

  static CorpusEval with(Replayer replayer, int jobs) {
    return new CorpusEval(replayer, jobs);
  }

  /** Fixtures without labels are left out: there is nothing to score in them. */
  public EvalResult run(List<Fixture> corpus, List<PolicyVariant> variants) throws InterruptedException {
    List<Fixture> labelled = corpus.stream().filter(f -> !TurnLabel.of(f.manifest()).isEmpty()).toList();
    List<List<ScoredTurn>> perVariant = new ArrayList<>();
    variants.forEach(v -> perVariant.add(new ArrayList<>()));
    List<Future<List<ScoredTurn>>> tasks = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, named());
    try {
      for (Fixture fixture : labelled) {
        for (PolicyVariant variant : variants) {
          tasks.add(pool.submit(() -> score(fixture, variant)));
        }
      }
      int k = 0;
      for (Fixture fixture : labelled) {
        for (int v = 0; v < variants.size(); v++, k++) {
          perVariant.get(v).addAll(await(tasks.get(k), fixture, variants.get(v)));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<VariantScore> scores = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      scores.add(new VariantScore(variants.get(v), perVariant.get(v)));
    }
    return new EvalResult(labelled.stream().map(CorpusEval::name).toList(), scores);
  }

  private List<ScoredTurn> score(Fixture fixture, PolicyVariant variant) throws Exception {
    Timeline timeline = replayer.replay(fixture, variant);
    return TurnLabel.of(fixture.manifest()).stream()
        .map(label -> ScoredTurn.of(name(fixture), label, TurnDecision.of(timeline, label)))
        .toList();
  }

  private static List<ScoredTurn> await(Future<List<ScoredTurn>> task, Fixture fixture, PolicyVariant variant)
      throws InterruptedException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new EvalException(name(fixture) + " under " + variant.name() + ": replay failed: "
          + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
    }
  }

  static String name(Fixture fixture) {
    return fixture.dir().getFileName().toString();
  }

  private static java.util.concurrent.ThreadFactory named() {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "turntable-eval-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
