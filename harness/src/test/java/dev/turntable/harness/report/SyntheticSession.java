package dev.turntable.harness.report;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.*;
import dev.turntable.agent.conversation.AgentState;
import dev.turntable.agent.turn.InterruptionRule;
import dev.turntable.harness.check.SessionMeasures;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.replay.CapturingSpeaker.PlayedSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made session: a question, an answer, a backchannel the agent ignores, an interruption it
 * accepts, and a second answer. Speech is sine tones in the mic and speaker audio.
 */
final class SyntheticSession {
  static final PcmFormat MIC = PcmFormat.STT;
  static final PcmFormat SPEAKER = new PcmFormat(24_000);

  private final List<AgentEventLine> events = new ArrayList<>();

  private SyntheticSession() {}

  /** An event at session time {@code ms}: audio position and agent clock agree, as at 1×. */
  private SyntheticSession at(double ms, AgentEvent event) {
    events.add(new AgentEventLine((long) ms, event));
    return this;
  }

  private static long ns(double ms) {
    return (long) (ms * 1_000_000);
  }

  static Timeline timeline() {
    SyntheticSession s = new SyntheticSession();
    s.at(0, new StateChanged(0, AgentState.LISTENING, AgentState.LISTENING))
        .at(820, new SpeechStarted(ns(820), 800, false))
        .at(1200, new PartialTranscript(ns(1200), 1, "what's the"))
        .at(1800, new PartialTranscript(ns(1800), 1, "what's the weather like"))
        .at(2400, new PartialTranscript(ns(2400), 1, "what's the weather like in paris"))
        .at(2900, new UserTurnEnded(ns(2900), 1, "What's the weather like in Paris today?", 2600))
        .at(2900, new StateChanged(ns(2900), AgentState.LISTENING, AgentState.THINKING))
        .at(2905, new LlmRequestSent(ns(2905), 1))
        .at(2905, new AgentEvent.AgentWork(ns(2905), 1, AgentEvent.AgentWork.LLM_REQUEST, 5))
        .at(3300, new LlmFirstToken(ns(3300), 1))
        .at(3450, new TtsRequestSent(ns(3450), 1, 1, "It's sunny in Paris, about twenty degrees."))
        .at(3600, new TtsFirstAudio(ns(3600), 1, 1, "It's sunny in Paris, about twenty degrees."))
        .at(3650, new PlaybackStarted(ns(3650), 1))
        .at(3650, new StateChanged(ns(3650), AgentState.THINKING, AgentState.SPEAKING))
        .at(3900, new TtsRequestSent(ns(3900), 1, 2, "You might want sunglasses this afternoon."))
        .at(4100, new TtsFirstAudio(ns(4100), 1, 2, "You might want sunglasses this afternoon."))
        .at(5000, new SpeechStarted(ns(5000), 5000, true))
        .at(
            5600,
            new BargeInSuppressed(ns(5600), 2, "Mhm.", true, InterruptionRule.BACKCHANNEL_ONLY))
        .at(7000, new SpeechStarted(ns(7000), 7000, true))
        .at(7500, new PartialTranscript(ns(7500), 3, "wait"))
        .at(
            7550,
            new BargeInAccepted(ns(7550), 3, "wait", false, InterruptionRule.ALWAYS_INTERRUPT_WORD))
        .at(7550, new StateChanged(ns(7550), AgentState.SPEAKING, AgentState.INTERRUPTED))
        .at(7580, new PlaybackStopped(ns(7580), 1, 3930))
        .at(
            7580,
            new HistoryTruncated(
                ns(7580),
                1,
                "It's sunny in Paris, about twenty degrees. You might",
                "want sunglasses this afternoon."))
        .at(7580, new StateChanged(ns(7580), AgentState.INTERRUPTED, AgentState.LISTENING));
    return answerToTomorrow(s);
  }

  private static Timeline answerToTomorrow(SyntheticSession s) {
    s.at(8500, new UserTurnEnded(ns(8500), 3, "Wait, what about tomorrow?", 8200))
        .at(8500, new StateChanged(ns(8500), AgentState.LISTENING, AgentState.THINKING))
        .at(8502, new LlmRequestSent(ns(8502), 2))
        .at(8900, new LlmFirstToken(ns(8900), 2))
        .at(9000, new TtsRequestSent(ns(9000), 2, 1, "Tomorrow looks rainy."))
        .at(9350, new TtsFirstAudio(ns(9350), 2, 1, "Tomorrow looks rainy."))
        .at(9400, new PlaybackStarted(ns(9400), 2))
        .at(9400, new StateChanged(ns(9400), AgentState.THINKING, AgentState.SPEAKING))
        .at(11000, new PlaybackDrained(ns(11000), 2, 1600))
        .at(11000, new StateChanged(ns(11000), AgentState.SPEAKING, AgentState.LISTENING));
    return new Timeline(s.events);
  }

  /** Silence with the user's three utterances as tones. */
  static byte[] micPcm() {
    byte[] pcm = new byte[MIC.bytesForMillis(11_500)];
    Tones.write(pcm, MIC, 800, 2600, 220, 0.5);
    Tones.write(pcm, MIC, 5000, 5300, 260, 0.3);
    Tones.write(pcm, MIC, 7000, 8200, 200, 0.6);
    return pcm;
  }

  /** The agent's two replies as played: the first cut off at the barge-in. */
  static List<PlayedSpan> speakerSpans() {
    byte[] first = new byte[SPEAKER.bytesForMillis(3930)];
    Tones.write(first, SPEAKER, 0, 3930, 330, 0.4);
    byte[] second = new byte[SPEAKER.bytesForMillis(1600)];
    Tones.write(second, SPEAKER, 0, 1600, 300, 0.4);
    return List.of(new PlayedSpan(3650, first), new PlayedSpan(9400, second));
  }

  static ReportSession passing() {
    Timeline timeline = timeline();
    return new ReportSession(
        "weather-interrupted",
        "Asks about the weather, says \"mhm\", then interrupts to ask about tomorrow.",
        MIC,
        micPcm(),
        SPEAKER,
        speakerSpans(),
        timeline,
        SessionMeasures.of(timeline),
        List.of(),
        true,
        1);
  }

  /** A failed replay at 4× with an error, a hostile transcript and a decision difference. */
  static ReportSession failingWithHostileText() {
    SyntheticSession s = new SyntheticSession();
    s.at(600, new SpeechStarted(ns(600), 500, false))
        .at(1500, new UserTurnEnded(ns(1500), 1, "<script>alert('x')</script> & \"more\"", 1300))
        .at(1502, new LlmRequestSent(ns(1502), 1))
        .at(1800, new AgentError(ns(1800), "llm", "HTTP 500 <b>boom</b>"));
    Timeline timeline = new Timeline(s.events);
    byte[] mic = new byte[MIC.bytesForMillis(2500)];
    Tones.write(mic, MIC, 500, 1300, 250, 0.5);
    return new ReportSession(
        "llm-fails",
        null,
        MIC,
        mic,
        SPEAKER,
        List.of(),
        timeline,
        SessionMeasures.of(timeline),
        List.of(
            "speech #1:\n    - recorded: reply 1 says: \"Hi <there>\"\n    + replayed: (nothing)"),
        false,
        4);
  }
}
