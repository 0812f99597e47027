package dev.turntable.harness.bench;

import dev.turntable.agent.config.Providers;
import dev.turntable.harness.check.BargeInMeasure;
import dev.turntable.harness.fixture.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Item 3: interrupting Turn arrival → speaker silent, over each TTS transport. */
final class BargeInBench {
  private BargeInBench() {}

  static List<Figure> run(Fixture fixture, boolean quick) throws Exception {
    List<Figure> figures = new ArrayList<>();
    List<Providers.TtsTransport> transports =
        quick ? List.of(Providers.TtsTransport.WS) : List.of(Providers.TtsTransport.values());
    for (Providers.TtsTransport transport : transports) {
      double speed = quick ? 2 : 1;
      WireSession run = WireSession.run(fixture, VoiceToVoiceBench.REALISTIC, VoiceToVoiceBench.REPLY,
          Providers.Tts.ELEVENLABS, transport, speed);
      List<Double> stops = new ArrayList<>();
      for (BargeInMeasure bargeIn : run.measures().bargeIns()) {
        if (bargeIn.accepted() && !Double.isNaN(bargeIn.stopLatencyMs())) {
          stops.add(bargeIn.stopLatencyMs() / speed); // session time runs `speed` times faster
        }
      }
      String how = "fixture " + fixture.dir().getFileName() + " at " + (int) speed + "x over sockets, realistic stubs:"
          + " interrupting Turn handled -> the speaker stopped (no device latency; a real line adds"
          + " its buffer)";
      if (stops.isEmpty()) {
        figures.add(Figure.notMeasured("3", "barge-in stop latency, TTS over "
            + transport.name().toLowerCase(), "no interruption was accepted in this run"));
        continue;
      }
      Percentiles p = Percentiles.of(stops);
      figures.add(new Figure("3", "barge-in stop latency, TTS over " + transport.name().toLowerCase(),
          String.format("max %.2f ms (%d barge-ins)", p.max(), p.count()), how,
          Map.of("maxMs", p.max(), "bargeIns", p.count())));
    }
    return figures;
  }
}
