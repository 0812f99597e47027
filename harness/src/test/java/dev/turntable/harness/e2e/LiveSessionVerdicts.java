package dev.turntable.harness.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.e2e.CrossCorrelation.Match;
import dev.turntable.harness.e2e.CrossCorrelation.PiecewiseMatch;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.stubs.SpeechAudio;
import dev.turntable.harness.stubs.SpeechEngine;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;

/**
 * The verdicts on a {@link LiveSession} whose user asks a question (line 0), backchannels while
 * the agent answers (line 1), then interrupts it (line 2). They come from the audio; the agent's
 * events only say which rule decided what. Indexes named {@code at...} are speaker-recording
 * samples, all others mic-recording samples (see {@link TimeBase}).
 */
final class LiveSessionVerdicts {
  /** The speaker must be silent within the line buffer plus this of the interruption's arrival. */
  static final int STOP_MARGIN_MS = 150;
  /** While it speaks the agent pauses between words, never this long; silence this long is "stopped". */
  static final int PAUSE_LIMIT_MS = 300;
  /** How far the user's track may start from where the mock's script put it. */
  static final long ALIGNMENT_TOLERANCE_MS = 300;
  private static final double HEARD_FRACTION = 0.8;

  private final LiveSession session;
  private final short[] speaker;
  private final List<AgentEventLine> events;
  private TimeBase time;

  LiveSessionVerdicts(LiveSession session) {
    this.session = session;
    this.speaker = session.speaker().samples();
    this.events = session.fixture().agentEvents();
  }

  /** Checks everything, then prints the measures. */
  void check() throws IOException {
    time = timeBase();
    int atFirstAudio = agentAnswered();
    backchannelDidNotStopIt();
    AgentEventLine accepted = first(AgentEvent.BargeInAccepted.class);
    int silent = time.micRecFromSpeaker(interruptionSilencedIt(accepted));
    int questionEnd = time.micRecFromTrack(session.user().line(0).end());
    int arrival = time.micRecFromStream(accepted.audioMs());
    System.out.printf("LiveAgentAudioIT: voice-to-voice %.0f ms, barge-in stop %.0f ms (line buffer %d ms)%n",
        Pcm.millis(time.micRecFromSpeaker(atFirstAudio) - questionEnd), Pcm.millis(silent - arrival),
        session.lineBufferMs());
    System.out.printf("LiveAgentAudioIT: \"%s\" accepted on \"%s\"; its speech end -> speaker silent %.0f ms;"
            + " track at %.0f ms of the agent's stream (planned %d);"
            + " speaker recording started %.1f ms after the mic's%n",
        session.user().line(2).text(), ((AgentEvent.BargeInAccepted) accepted.event()).text(),
        Pcm.millis(silent - time.micRecFromTrack(session.user().line(2).end())),
        Pcm.millis(time.trackInStream()), session.plannedStreamOffsetMs(), Pcm.millis(time.speakerShift()));
  }

  // (1) mic.wav is exactly what went to STT: it must hold the user's speech as played into vmic,
  // where the mock's script expects it.
  private TimeBase timeBase() throws IOException {
    short[] voice = session.user().voice();
    int voiceStart = session.user().line(0).start();
    Match inMicWav = CrossCorrelation.find(Pcm.samples(session.fixture().micPcm()), voice);
    Match inMicRec = CrossCorrelation.find(session.mic().samples(), voice);
    System.out.printf("LiveAgentAudioIT: the user's speech in mic.wav: %s; in the vmic.monitor recording: %s%n",
        inMicWav.describe(), inMicRec.describe());
    assertThat(inMicWav.correlation()).as("the user's speech in the agent's mic.wav (what STT received)")
        .isGreaterThan(CrossCorrelation.MATCHED);
    assertThat(inMicRec.correlation()).as("the user's speech in the vmic.monitor recording")
        .isGreaterThan(CrossCorrelation.MATCHED);
    TimeBase found = TimeBase.of(inMicWav.lag() - voiceStart, inMicRec.lag() - voiceStart,
        session.mic().startNanos(), session.speaker().startNanos());
    assertThat(Pcm.millis(found.trackInStream()))
        .as("ms into the agent's stream where the user's track starts; the mock's script has it at %d",
            session.plannedStreamOffsetMs())
        .isCloseTo(session.plannedStreamOffsetMs(), Offset.offset((double) ALIGNMENT_TOLERANCE_MS));
    return found;
  }

  // (2) The agent answered: its TTS audio came out of the speaker, after the question.
  private int agentAnswered() {
    assertThat(all(AgentEvent.UserTurnEnded.class)).extracting(AgentEvent.UserTurnEnded::text)
        .startsWith(session.user().line(0).text());
    int atQuestionEnd = time.speakerFromMicRec(time.micRecFromTrack(session.user().line(0).end()));
    PiecewiseMatch firstSentence = heard("the answer's first sentence", tts(segment(1, 1)));
    assertThat(firstSentence.start()).as("where the answer starts; the question ended at %d", atQuestionEnd)
        .isGreaterThan(atQuestionEnd);
    heard("the first 3 s of the answer's second part", Arrays.copyOf(tts(segment(1, 2)), Pcm.samplesFor(3_000)));
    return Pcm.firstLoud(speaker, atQuestionEnd);
  }

  /**
   * Finds speech in the speaker recording in 100 ms pieces: under load the speaker can underrun
   * and insert a few ms of silence, which a whole-clip correlation would count as a mismatch.
   */
  private PiecewiseMatch heard(String what, short[] speech) {
    PiecewiseMatch match = CrossCorrelation.findInPieces(speaker, speech, Pcm.samplesFor(100));
    System.out.printf("LiveAgentAudioIT: %s in the speaker recording: %s%n", what, match.describe());
    assertThat(match.matched()).as("pieces of %s found in the speaker recording (of %d)", what, match.pieces())
        .isGreaterThanOrEqualTo((int) Math.ceil(match.pieces() * HEARD_FRACTION));
    return match;
  }

  // (4) The backchannel was heard and suppressed, and the speech went on across it: from just
  // before it was said until well after its turn arrived. Had it stopped the agent, the speaker
  // would be silent from at most the line buffer plus STOP_MARGIN_MS after the arrival until a new
  // reply (an LLM and a TTS request later), so the window runs a pause limit beyond that.
  private void backchannelDidNotStopIt() {
    UserTrack.Placed backchannel = session.user().line(1);
    AgentEventLine suppressed = first(AgentEvent.BargeInSuppressed.class);
    assertThat(((AgentEvent.BargeInSuppressed) suppressed.event()).text()).isEqualTo(backchannel.text());
    int from = time.micRecFromTrack(backchannel.start()) - Pcm.samplesFor(200);
    int to = Math.max(time.micRecFromTrack(backchannel.end()), time.micRecFromStream(suppressed.audioMs()))
        + Pcm.samplesFor(session.lineBufferMs() + STOP_MARGIN_MS + PAUSE_LIMIT_MS);
    double pauseMs = Pcm.millis(Pcm.longestSilence(speaker, time.speakerFromMicRec(from), time.speakerFromMicRec(to)));
    System.out.printf("LiveAgentAudioIT: longest pause in the agent's speech across \"%s\": %.0f ms%n",
        backchannel.text(), pauseMs);
    assertThat(pauseMs).as("longest silence on the speaker from just before \"%s\" until after its turn arrived",
        backchannel.text()).isLessThan(PAUSE_LIMIT_MS);
  }

  // (3) The real interruption silences the speaker within the line buffer plus a margin of its
  // arrival (agent.jsonl's audio_ms for BargeInAccepted, placed on the recordings by TimeBase).
  private int interruptionSilencedIt(AgentEventLine accepted) {
    assertThat(((AgentEvent.BargeInAccepted) accepted.event()).text())
        .as("the accepted interruption").startsWith(session.user().line(2).text().split(",")[0]);
    assertThat(first(AgentEvent.PlaybackStopped.class).event().atNanos())
        .as("the first stop of the speaker comes from the interruption, not the backchannel")
        .isGreaterThanOrEqualTo(accepted.event().atNanos());
    int atArrival = time.speakerFromMicRec(time.micRecFromStream(accepted.audioMs()));
    assertThat(Pcm.anyLoud(speaker, atArrival - Pcm.samplesFor(500), atArrival))
        .as("the agent was speaking when the interruption arrived").isTrue();
    int atSilent = Pcm.firstSilenceLasting(speaker, atArrival, Pcm.samplesFor(PAUSE_LIMIT_MS));
    assertThat(atSilent).as("a silence of %d ms on the speaker after the interruption", PAUSE_LIMIT_MS)
        .isNotNegative();
    assertThat(Pcm.millis(atSilent - atArrival))
        .as("ms from the interruption's arrival (audio_ms %d) until the speaker is silent", accepted.audioMs())
        .isLessThanOrEqualTo(session.lineBufferMs() + STOP_MARGIN_MS);
    return atSilent;
  }

  private String segment(int reply, int segment) {
    return all(AgentEvent.TtsRequestSent.class).stream()
        .filter(sent -> sent.reply() == reply && sent.segment() == segment)
        .map(AgentEvent.TtsRequestSent::text)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TTS request for reply " + reply + " segment " + segment
            + " in agent.jsonl"));
  }

  /** The speech as the TTS stubs make it: the same espeak-ng and sox, at the TTS rate. */
  private static short[] tts(String text) {
    return Pcm.samples(SpeechAudio.create(SpeechEngine.ESPEAK).pcm(text, 16_000));
  }

  private <T extends AgentEvent> List<T> all(Class<T> type) {
    return events.stream().map(AgentEventLine::event).filter(type::isInstance).map(type::cast).toList();
  }

  private AgentEventLine first(Class<? extends AgentEvent> type) {
    return events.stream().filter(line -> type.isInstance(line.event())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in agent.jsonl"));
  }
}
