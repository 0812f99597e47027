package dev.turntable.harness.bench;

import dev.turntable.agent.config.Providers;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.mockstt.ReleaseStatistics;
import dev.turntable.harness.stubs.StubTiming;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code turntable bench}: every speed and memory figure of the README in one run, on this
 * machine. A figure that cannot be taken says why in its row; the others still run.
 *
 * @see BenchReport
 */
public final class Bench {
  /** The fixtures the figures are taken on, under the fixtures folder. */
  static final String QUESTION_ANSWER = "question-answer";
  static final String BARGE_IN = "barge-in-wait-stop";
  static final String BACKCHANNEL = "backchannel-while-speaking";

  private final boolean quick;
  private final Path fixtures;
  private final PrintWriter progress;
  private final List<Figure> figures = new ArrayList<>();

  /**
   * @param quick a CI smoke run: fewer turns, sizes and repeats (under a minute)
   * @param fixtures the folder holding the bundled fixtures
   * @param progress where each figure is announced as it is taken
   */
  public Bench(boolean quick, Path fixtures, PrintWriter progress) {
    this.quick = quick;
    this.fixtures = fixtures;
    this.progress = progress;
  }

  /**
   * Takes every figure, prints the table to {@code out} and, when {@code json} is not null, writes
   * the figures there as well.
   *
   * @return whether every figure was taken
   */
  public boolean report(PrintWriter out, Path json) throws IOException {
    BenchReport report = run();
    report.print(out);
    if (json != null) {
      report.writeJson(json);
      out.println("wrote " + json);
      out.flush();
    }
    return report.allTaken();
  }

  BenchReport run() {
    long start = System.nanoTime();
    Fixture qa = fixture(QUESTION_ANSWER);
    Fixture bargeIn = fixture(BARGE_IN);
    warmUp(qa);
    take("1", "agent overhead per turn, in process", () -> List.of(OverheadBench.inProcess(quick)));
    take("1", "agent overhead per turn, real sockets", () -> OverheadBench.overSockets(qa, quick));
    VoiceToVoiceBench voice = new VoiceToVoiceBench(qa, quick);
    take("2", "voice-to-voice", voice::run);
    take("3", "barge-in stop latency", () -> BargeInBench.run(bargeIn, quick));
    List<Fixture> replayed = quick ? List.of(qa) : List.of(qa, bargeIn, fixture(BACKCHANNEL));
    take("4", "replay speed on virtual time",
        () -> List.of(ReplaySpeedBench.virtual(replayed, quick ? 5 : 50)));
    take("4", "replay speed on the wire", () -> List.of(ReplaySpeedBench.wire(replayed)));
    take("5", "release precision at 1x", () -> List.of(releasePrecision(voice.releaseRun())));
    take("6", "mock capacity", () -> List.of(MockCapacityBench.run(quick)));
    take("7", "agent memory", () -> List.of(MemoryBench.agent(quick)));
    take("7", "mock heap per session", () -> List.of(MemoryBench.mockPerSession(quick)));
    return new BenchReport(quick, figures, (System.nanoTime() - start) / 1e9);
  }

  /**
   * One unmeasured session over each transport first: the first requests of a fresh JVM load and
   * compile the stubs' and clients' code, which would otherwise count as service latency.
   */
  private void warmUp(Fixture fixture) {
    progress.print("[-] warm-up (not measured) ...");
    progress.flush();
    long start = System.nanoTime();
    for (Providers.TtsTransport transport : Providers.TtsTransport.values()) {
      try {
        WireSession.run(fixture, StubTiming.INSTANT, VoiceToVoiceBench.REPLY,
            Providers.Tts.ELEVENLABS, transport, 10);
      } catch (Exception e) {
        progress.print(" (failed: " + e.getMessage() + ")");
      }
    }
    progress.printf(" %.1f s%n", (System.nanoTime() - start) / 1e9);
    progress.flush();
  }

  private interface Measurement {
    List<Figure> take() throws Exception;
  }

  private void take(String item, String name, Measurement measurement) {
    progress.printf("[%s] %s ...", item, name);
    progress.flush();
    long start = System.nanoTime();
    try {
      figures.addAll(measurement.take());
    } catch (Exception e) {
      figures.add(Figure.failed(item, name, "", e));
    }
    progress.printf(" %.1f s%n", (System.nanoTime() - start) / 1e9);
    progress.flush();
  }

  private Fixture fixture(String name) {
    return FixtureReader.read(fixtures.resolve(name));
  }

  private static Figure releasePrecision(WireSession run) {
    if (run == null) {
      return Figure.notMeasured("5", "release precision at 1x", "no 1x wire run completed");
    }
    ReleaseStatistics stats = run.release();
    return new Figure("5", "release precision at 1x (mock STT)",
        String.format("audio gap p99 %d ms, max %d ms; server lateness p99 %.2f ms (%d messages)",
            stats.audioGapP99Ms(), stats.audioGapMaxMs(), stats.latenessP99().toNanos() / 1e6,
            stats.count()),
        "the 1x voice-to-voice run: audio received when a recorded message was released minus its"
            + " recorded audio_ms; lateness: frame that made it due read -> message sent",
        Map.of("audioGapP99Ms", stats.audioGapP99Ms(), "audioGapMaxMs", stats.audioGapMaxMs(),
            "latenessP99Ms", stats.latenessP99().toNanos() / 1e6, "messages", stats.count()));
  }
}
