package dev.turntable.harness.bench;

import dev.turntable.agent.config.Providers;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.stubs.StubTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Item 1: the agent's own time per turn, in process and through real sockets. */
final class OverheadBench {
  private OverheadBench() {}

  static Figure inProcess(boolean quick) throws Exception {
    int warmUp = quick ? 1_000 : 5_000;
    int turns = quick ? 3_000 : 20_000;
    double[] samples = new double[turns];
    try (InstantConversation conversation = new InstantConversation()) {
      for (int i = 0; i < warmUp; i++) {
        conversation.turn();
      }
      for (int i = 0; i < turns; i++) {
        samples[i] = conversation.turn() / 1e6;
      }
    }
    Percentiles p = Percentiles.of(samples);
    return new Figure("1", "agent overhead per turn, in process",
        String.format("p50 %.3f ms, p99 %.3f ms (%,d turns)", p.p50(), p.p99(), p.count()),
        "end-of-turn message handed to the loop -> first audio byte written; LLM, TTS and speaker"
            + " answer at once (" + String.format("%,d", warmUp) + " warm-up turns)",
        Map.of("p50Ms", p.p50(), "p99Ms", p.p99(), "turns", p.count()));
  }

  /** The same through the mock STT server and zero-delay stubs, over both TTS transports. */
  static List<Figure> overSockets(Fixture fixture, boolean quick) throws Exception {
    double speed = quick ? 5 : 1;
    List<Figure> figures = new ArrayList<>();
    for (Providers.TtsTransport transport : Providers.TtsTransport.values()) {
      List<Double> overhead = new ArrayList<>();
      for (int i = 0; i < (quick ? 1 : 3); i++) {
        WireSession run = WireSession.run(fixture, StubTiming.INSTANT, VoiceToVoiceBench.REPLY,
            Providers.Tts.ELEVENLABS, transport, speed);
        for (TurnMeasure turn : run.measures().turns()) {
          // Session time runs `speed` times faster than real time.
          overhead.add(turn.agentOverheadMs() / speed);
        }
      }
      Percentiles p = Percentiles.of(overhead);
      figures.add(new Figure("1", "agent overhead per turn, real sockets, TTS over "
              + transport.name().toLowerCase(),
          String.format("p50 %.2f ms, max %.2f ms (%d turns)", p.p50(), p.max(), p.count()),
          "fixture " + fixture.dir().getFileName() + " at " + (int) speed + "x, zero-delay stubs:"
              + " the loop's work from the end-of-turn message to the LLM request and from the"
              + " first TTS byte to the speaker write",
          Map.of("p50Ms", p.p50(), "maxMs", p.max(), "turns", p.count())));
    }
    return figures;
  }
}
