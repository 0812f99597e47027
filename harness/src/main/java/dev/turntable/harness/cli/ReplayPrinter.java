package dev.turntable.harness.cli;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.replay.ReplayResult;
import dev.turntable.harness.replay.ReplaySpeed;
import dev.turntable.harness.report.ReportSession;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What {@code turntable replay} prints: each session's timeline and measures, then verdicts. */
final class ReplayPrinter {
  private ReplayPrinter() {}

  static void printSession(PrintStream out, ReplayResult result) {
    out.printf("%n== %s (%s) — %s%n", result.name(), result.how(),
        result.fixture().manifest().description());
    out.print(result.timeline().printed());
    for (TurnMeasure turn : result.measures().turns()) {
      out.printf(Locale.ROOT,
          "  turn %d: response %s ms (stt %s, before LLM %s, LLM first token %s, first segment %s,"
              + " TTS first audio %s, playback %s; agent overhead %s)%n",
          turn.turnOrder(), ms(turn.responseLatencyMs()), ms(turn.sttMs()), ms(turn.agentBeforeLlmMs()),
          ms(turn.llmFirstTokenMs()), ms(turn.llmFirstSegmentMs()), ms(turn.ttsFirstAudioMs()),
          ms(turn.playbackStartMs()), ms(turn.agentOverheadMs()));
    }
    for (BargeInMeasure b : result.measures().bargeIns()) {
      out.printf(Locale.ROOT, "  barge-in turn %d %s by %s: \"%s\"%s%n", b.turnOrder(),
          b.accepted() ? "accepted" : "suppressed", b.rule().name().toLowerCase(Locale.ROOT), b.text(),
          b.accepted() ? " (stop " + ms(b.stopLatencyMs()) + " ms, talk-over " + ms(b.talkOverMs()) + " ms)" : "");
    }
    result.differences().forEach(d -> out.println("  DIFFERS " + d));
    result.verdict().failures().forEach(f -> out.println("  FAIL " + f));
  }

  static void printVerdicts(PrintStream out, List<ReplayResult> results) {
    out.printf("%n%-32s %-12s %6s %9s %11s %12s  %s%n",
        "fixture", "clock", "turns", "accepted", "suppressed", "p50 latency", "verdict");
    for (ReplayResult r : results) {
      double[] latencies =
          r.measures().turns().stream().mapToDouble(TurnMeasure::responseLatencyMs).filter(d -> !Double.isNaN(d)).sorted().toArray();
      String p50 = latencies.length == 0 ? "–" : ms(latencies[latencies.length / 2]) + " ms";
      out.printf(Locale.ROOT, "%-32s %-12s %6d %9d %11d %12s  %s%n",
          r.name(), clock(r), r.measures().turns().size(), r.measures().accepted(),
          r.measures().suppressed(), p50, r.verdict().passed() ? "pass" : "FAIL");
    }
    long failed = results.stream().filter(r -> !r.verdict().passed()).count();
    out.printf("%d fixtures, %d passed, %d failed%n", results.size(), results.size() - failed, failed);
  }

  private static String clock(ReplayResult r) {
    return r.speed() == 1 && r.how().startsWith("virtual") ? "virtual" : "wire " + ReplaySpeed.format(r.speed()) + "x";
  }

  static List<ReportSession> reportSessions(List<ReplayResult> results) {
    return results.stream()
        .map(r -> new ReportSession(
            r.name(),
            r.fixture().manifest().description(),
            PcmFormat.STT,
            r.fixture().micPcm(),
            r.outcome().speakerFormat(),
            r.outcome().played(),
            r.timeline(),
            r.measures(),
            r.differences(),
            r.verdict().passed(),
            r.speed()))
        .toList();
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }
}
