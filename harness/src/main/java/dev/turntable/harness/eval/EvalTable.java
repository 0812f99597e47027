package dev.turntable.harness.eval;

import dev.turntable.harness.fixture.TurnLabel.Expect;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Prints an {@link EvalResult} as text: the variants side by side, then per rule, then the misses. */
public final class EvalTable {
  private static final String ROW = "%-26s";
  private static final String CELL = "%22s";
  /** A large corpus would bury the table under its misses; the JSON has them all. */
  private static final int MAX_WRONG_SHOWN = 20;

  private EvalTable() {}

  public static void print(PrintWriter out, EvalResult result) {
    List<VariantScore> variants = result.variants();
    VariantScore any = variants.get(0);
    out.printf(Locale.ROOT, "%d fixtures, %d labelled turns: %d should interrupt, %d should not, %d ordinary%n%n",
        result.fixtures().size(), any.turns().size(), any.labelled(Expect.INTERRUPT),
        any.labelled(Expect.IGNORE), any.labelled(Expect.ORDINARY));
    header(out, "", variants);
    rate(out, "false interruptions", variants, VariantScore::falseInterruptions);
    rate(out, "missed interruptions", variants, VariantScore::missedInterruptions);
    rate(out, "dropped ordinary turns", variants, VariantScore::droppedTurns);
    rate(out, "correct", variants, VariantScore::correct);

    out.printf("%nper rule: correct / false interruption / missed interruption / dropped turn%n");
    header(out, "rule", variants);
    TreeSet<String> rules = new TreeSet<>();
    variants.forEach(v -> rules.addAll(v.byRule().keySet()));
    for (String rule : rules) {
      out.printf(Locale.ROOT, ROW, rule.toLowerCase(Locale.ROOT).replace('_', ' '));
      for (VariantScore v : variants) {
        Map<Outcome, Long> counts = v.byRule().getOrDefault(rule, Map.of());
        out.printf(Locale.ROOT, CELL, String.format(Locale.ROOT, "%d / %d / %d / %d",
            counts.getOrDefault(Outcome.CORRECT, 0L), counts.getOrDefault(Outcome.FALSE_INTERRUPTION, 0L),
            counts.getOrDefault(Outcome.MISSED_INTERRUPTION, 0L), counts.getOrDefault(Outcome.DROPPED_TURN, 0L)));
      }
      out.println();
    }

    boolean anyWrong = variants.stream().anyMatch(v -> !v.wrong().isEmpty());
    if (anyWrong) {
      out.printf("%nwrong decisions%n");
      for (VariantScore v : variants) {
        List<ScoredTurn> wrong = v.wrong();
        for (ScoredTurn t : wrong.subList(0, Math.min(wrong.size(), MAX_WRONG_SHOWN))) {
          out.printf(Locale.ROOT, "  %-10s %s turn %d \"%s\": expected %s, %s%s → %s%n",
              v.variant().name(), t.fixture(), t.label().turn(), t.label().text(),
              t.label().expect().jsonName(), t.decision().decision().name().toLowerCase(Locale.ROOT),
              t.decision().rule() == null ? "" : " (" + t.decision().rule().name().toLowerCase(Locale.ROOT) + ")",
              t.outcome().words());
        }
        if (wrong.size() > MAX_WRONG_SHOWN) {
          out.printf(Locale.ROOT, "  %-10s … and %d more (--json lists every turn)%n",
              v.variant().name(), wrong.size() - MAX_WRONG_SHOWN);
        }
      }
    }
  }

  private static void header(PrintWriter out, String first, List<VariantScore> variants) {
    out.printf(Locale.ROOT, ROW, first);
    variants.forEach(v -> out.printf(Locale.ROOT, CELL, v.variant().name()));
    out.println();
  }

  private static void rate(PrintWriter out, String what, List<VariantScore> variants,
      Function<VariantScore, VariantScore.Rate> rate) {
    out.printf(Locale.ROOT, ROW, what);
    for (VariantScore v : variants) {
      VariantScore.Rate r = rate.apply(v);
      out.printf(Locale.ROOT, CELL, r.count() + "/" + r.of() + " " + percent(r));
    }
    out.println();
  }

  static String percent(VariantScore.Rate rate) {
    return rate.of() == 0 ? "(–)" : String.format(Locale.ROOT, "(%.1f%%)", 100 * rate.value());
  }
}
