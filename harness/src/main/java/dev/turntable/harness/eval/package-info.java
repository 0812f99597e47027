/**
 * Scores interruption policies against fixtures' per-turn labels (interrupt / ignore / ordinary),
 * as {@code turntable eval} and the label steps do.
 *
 * <p>Public: {@link dev.turntable.harness.eval.CorpusEval} replays a {@link
 * dev.turntable.harness.eval.Corpus} under {@link dev.turntable.harness.eval.PolicyVariant}s into
 * an {@link dev.turntable.harness.eval.EvalResult}: a {@link dev.turntable.harness.eval.VariantScore}
 * per variant, each a list of {@link dev.turntable.harness.eval.ScoredTurn}s (the turn's {@link
 * dev.turntable.harness.eval.TurnDecision}, its {@link dev.turntable.harness.eval.Decision} and
 * the {@link dev.turntable.harness.eval.Outcome} against the label). {@link
 * dev.turntable.harness.eval.EvalTable} prints a result; {@link
 * dev.turntable.harness.eval.EvalException} names a fixture that could not be evaluated. The
 * command's own options (a policy file, rate limits, CI shards, JSON output) and {@code turntable
 * vary} live in the {@code cli} package.
 */
package dev.turntable.harness.eval;
