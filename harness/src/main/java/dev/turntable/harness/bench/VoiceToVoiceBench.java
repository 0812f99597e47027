package dev.turntable.harness.bench;

import dev.turntable.agent.config.Providers;
import dev.turntable.agent.config.ServiceChoices;
import dev.turntable.harness.check.TurnMeasure;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.mockstt.ScriptedDriver;
import dev.turntable.harness.replay.FixtureSettings;
import dev.turntable.harness.replay.MockServices;
import dev.turntable.harness.stubs.SpeechEngine;
import dev.turntable.harness.stubs.StubOptions;
import dev.turntable.harness.stubs.StubReply;
import dev.turntable.harness.stubs.StubTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Voice-to-voice (the user's last word → the agent's first audio out of the speaker) with
 * realistic service timings, over WebSocket and HTTP TTS, beside two references taken in the same
 * run: the floor (what the services alone need) and a sequential agent.
 */
final class VoiceToVoiceBench {
  /** The services as the README's figures assume: LLM first token 350 ms, TTS first byte 120 ms. */
  static final StubTiming REALISTIC =
      new StubTiming(Duration.ofMillis(350), 40, Duration.ofMillis(120), 3.0, Duration.ofMillis(100), 1.0);
  /** A JavaSound line's buffer (the agent's default): audio written now is heard this much later. */
  static final double LINE_BUFFER_MS = 100;
  static final String REPLY =
      "Sure, the museum opens at nine in the morning. It closes at six.";

  private final Fixture fixture;
  private final int repeats;
  private final List<Providers.Tts> providers;
  private WireSession releaseRun;

  VoiceToVoiceBench(Fixture fixture, boolean quick) {
    this.fixture = fixture;
    this.repeats = quick ? 1 : 3;
    this.providers = quick ? List.of(Providers.Tts.ELEVENLABS) : List.of(Providers.Tts.values());
  }

  List<Figure> run() throws Exception {
    List<Figure> figures = new ArrayList<>();
    double wsP50 = Double.NaN;
    List<Double> floors = new ArrayList<>();
    List<Double> sttMs = new ArrayList<>();
    List<Double> llmFirstTokenMs = new ArrayList<>();
    for (Providers.Tts tts : providers) {
      for (Providers.TtsTransport transport : Providers.TtsTransport.values()) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
          WireSession run = WireSession.run(fixture, REALISTIC, REPLY, tts, transport, 1.0);
          if (releaseRun == null) {
            releaseRun = run;
          }
          for (TurnMeasure turn : run.measures().turns()) {
            latencies.add(turn.responseLatencyMs() + LINE_BUFFER_MS);
            if (transport == Providers.TtsTransport.WS) {
              sttMs.add(turn.sttMs());
              llmFirstTokenMs.add(turn.llmFirstTokenMs());
              floors.add(turn.sttMs() + turn.llmFirstTokenMs() + LINE_BUFFER_MS);
            }
          }
        }
        Percentiles p = Percentiles.of(latencies);
        if (transport == Providers.TtsTransport.WS && tts == Providers.Tts.ELEVENLABS) {
          wsP50 = p.p50();
        }
        figures.add(new Figure("2", "voice-to-voice, " + name(tts) + " over " + transport.name().toLowerCase(),
            String.format("p50 %.0f ms, max %.0f ms (%d turns)", p.p50(), p.max(), p.count()),
            "fixture " + fixture.dir().getFileName() + " at 1x over sockets, stubs with LLM first"
                + " token 350 ms at 40 tokens/s, TTS first byte 120 ms: user's last word (audio time)"
                + " -> first agent audio at the speaker, + " + (int) LINE_BUFFER_MS + " ms line buffer",
            Map.of("p50Ms", p.p50(), "maxMs", p.max(), "turns", p.count())));
      }
    }
    References refs = references(Percentiles.of(sttMs).p50());
    Percentiles floorTurns = Percentiles.of(floors);
    double floor = floorTurns.p50() + refs.ttsFirstByteMs();
    figures.add(new Figure("2", "floor: end of turn + LLM first token + TTS first byte + line buffer",
        String.format("%.0f ms (end of turn %.0f + LLM first token %.0f + TTS first byte %.0f"
            + " + line %.0f)", floor, Percentiles.of(sttMs).p50(), Percentiles.of(llmFirstTokenMs).p50(),
            refs.ttsFirstByteMs(), LINE_BUFFER_MS),
        "same run: end of turn and LLM first token measured per turn (p50), TTS first byte "
            + String.format("%.0f ms", refs.ttsFirstByteMs()) + " (median of 5 warm WebSocket"
            + " requests: text flushed -> first audio byte), "
            + (int) LINE_BUFFER_MS + " ms line buffer",
        Map.of("floorMs", floor, "endOfTurnMs", Percentiles.of(sttMs).p50(),
            "llmFirstTokenMs", Percentiles.of(llmFirstTokenMs).p50(),
            "ttsFirstByteMs", refs.ttsFirstByteMs(), "lineBufferMs", LINE_BUFFER_MS)));
    figures.add(new Figure("2", "sequential agent (whole LLM reply, then whole TTS audio)",
        String.format("%.0f ms", refs.sequentialMs()),
        "same stubs: end of turn (p50) + LLM request -> last token + TTS request -> last audio"
            + " byte + line buffer, with the agent's HTTP adapters",
        Map.of("sequentialMs", refs.sequentialMs())));
    boolean nearFloor = wsP50 - floor <= 80;
    boolean halfSequential = wsP50 <= refs.sequentialMs() / 2;
    Map<String, Object> goal = new LinkedHashMap<>();
    goal.put("aboveFloorMs", wsP50 - floor);
    goal.put("shareOfSequential", wsP50 / refs.sequentialMs());
    goal.put("withinFloorGoal", nearFloor);
    goal.put("halfSequentialGoal", halfSequential);
    figures.add(new Figure("2", "goals (WebSocket TTS): within 80 ms of the floor, at most half the sequential",
        String.format("%+.0f ms from the floor (%s), %.0f%% of the sequential (%s)",
            wsP50 - floor, nearFloor ? "met" : "missed", 100 * wsP50 / refs.sequentialMs(),
            halfSequential ? "met" : "missed"),
        "ElevenLabs over ws, p50", goal));
    return figures;
  }

  /** The 1x run whose mock STT release precision item 5 reports. */
  WireSession releaseRun() {
    return releaseRun;
  }

  record References(double ttsFirstByteMs, double sequentialMs) {}

  private References references(double endOfTurnMs) throws Exception {
    StubOptions stubs = StubOptions.defaults().withTiming(REALISTIC).withSpeech(SpeechEngine.TONE);
    try (MockServices mocks = MockServices.start(ScriptedDriver.factory(Script.of()), stubs)) {
      mocks.stubs().openAi().reply(StubReply.text(REPLY));
      mocks.stubs().anthropic().reply(StubReply.text(REPLY));
      ServiceChoices choices =
          FixtureSettings.choices(fixture.manifest()).withTtsTransport(Providers.TtsTransport.HTTP);
      var env = mocks.environment(choices.voice());
      List<Double> sequential = new ArrayList<>();
      double firstByte =
          SequentialAgent.firstByteMs(
              env, choices.withTtsTransport(Providers.TtsTransport.WS), "Sure, the museum", 5);
      for (int i = 0; i < repeats; i++) {
        sequential.add(SequentialAgent.replyMs(env, choices, "When does the museum open?"));
      }
      return new References(
          firstByte,
          endOfTurnMs + Percentiles.of(sequential).p50() + LINE_BUFFER_MS);
    }
  }

  private static String name(Providers.Tts tts) {
    return tts == Providers.Tts.ELEVENLABS ? "ElevenLabs" : "Cartesia";
  }
}
