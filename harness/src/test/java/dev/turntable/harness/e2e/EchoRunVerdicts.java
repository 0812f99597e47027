package dev.turntable.harness.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.wav.WavFile;
import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.harness.fixture.AgentEventLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one {@link EchoRun} from what STT heard, the agent's events and the captured audio, and
 * measures the echo: its level in what reached STT, and with echo cancellation the echo return
 * loss enhancement (raw mic vs cleaned mic where only the agent's echo is in it) and the change of
 * the user's level.
 */
final class EchoRunVerdicts {
  /** Echo reaches the mic this long after the agent's playback events (line buffers, the room). */
  private static final long ECHO_LAG_MS = 300;
  private static final int BLOCK = 160;

  private final EchoRun run;
  private final List<AgentEventLine> events;

  EchoRunVerdicts(EchoRun run) {
    this.run = run;
    this.events = run.fixture().agentEvents();
  }

  List<HearingDriver.Heard> unscriptedHeard() {
    return run.heard().stream().filter(h -> !h.scripted()).toList();
  }

  /** Interruptions accepted on a turn made of the agent's own voice. */
  long selfInterruptions() {
    return events.stream().map(AgentEventLine::event)
        .filter(AgentEvent.BargeInAccepted.class::isInstance)
        .map(AgentEvent.BargeInAccepted.class::cast)
        .filter(accepted -> accepted.text().equals(HearingDriver.UNSCRIPTED))
        .count();
  }

  /** Every reply but {@code interrupted} drained; that one was stopped; there were exactly three. */
  void repliesPlayedToTheEndExceptTheInterruptedOne(int interrupted) {
    List<Integer> started = replies(AgentEvent.PlaybackStarted.class);
    assertThat(started).as("replies that started playing; agent output:\n%s", output()).containsExactly(1, 2, 3);
    assertThat(replies(AgentEvent.PlaybackStopped.class)).as("replies stopped before their end")
        .containsExactly(interrupted);
    assertThat(replies(AgentEvent.PlaybackDrained.class)).as("replies played to the end")
        .containsExactly(1, 3);
  }

  /** The speaker went silent within {@code limitMs} of the "Wait, stop." Turn leaving the mock. */
  void interruptionSilencedTheSpeakerWithin(int limitMs) {
    HearingDriver.Heard wait = run.heard().stream().filter(h -> h.text().startsWith("Wait")).findFirst()
        .orElseThrow(() -> new AssertionError("STT never heard \"Wait, stop.\"; it heard " + run.heard()));
    short[] speaker = run.speaker().samples();
    int atTurn = (int) ((wait.turnSentNanos() - run.speaker().startNanos()) / 62_500);
    assertThat(Pcm.anyLoud(speaker, atTurn - Pcm.samplesFor(500), atTurn))
        .as("the agent was speaking when \"Wait, stop.\" arrived").isTrue();
    int silent = Pcm.firstSilenceLasting(speaker, atTurn, Pcm.samplesFor(LiveSessionVerdicts.PAUSE_LIMIT_MS));
    assertThat(silent).as("a silence on the speaker after the interruption").isNotNegative();
    double stopMs = Pcm.millis(silent - atTurn);
    System.out.printf("EchoCancellationAudioIT[aec %s]: \"Wait, stop.\" Turn sent -> speaker silent %.0f ms%n",
        run.aec(), stopMs);
    assertThat(stopMs).as("ms from the interruption's Turn until the speaker is silent").isLessThanOrEqualTo(limitMs);
  }

  /** Prints the run's figures; the lead's README table is made from these lines. */
  void print() {
    String tag = "EchoCancellationAudioIT[aec " + run.aec() + "]";
    short[] sent = Pcm.samples(run.fixture().micPcm());
    List<long[]> echoOnly = echoOnlyWindows();
    System.out.printf("%s: heard %s%n", tag, run.heard());
    System.out.printf("%s: self-interruptions %d, unscripted speech reaching STT %d stretch(es)%n",
        tag, selfInterruptions(), unscriptedHeard().size());
    System.out.printf("%s: echo level in what STT got %.1f dBFS over %.1f s of echo-only audio%n",
        tag, levelDb(sent, echoOnly), totalMs(echoOnly) / 1000.0);
    run.fixture().micRawWav().ifPresent(rawWav -> {
      short[] raw = Pcm.samples(pcm(rawWav));
      System.out.printf("%s: ERLE %.1f dB (echo %.1f -> %.1f dBFS)%n", tag,
          levelDb(raw, echoOnly) - levelDb(sent, echoOnly), levelDb(raw, echoOnly), levelDb(sent, echoOnly));
      for (HearingDriver.Line line : run.lines()) {
        List<long[]> window = List.of(new long[] {line.startMs(), line.endMs()});
        System.out.printf("%s: user \"%s\" %.1f -> %.1f dBFS (%+.1f dB)%n", tag, line.text(),
            levelDb(raw, window), levelDb(sent, window), levelDb(sent, window) - levelDb(raw, window));
      }
    });
  }

  /** Stream ms where the agent's echo, and nothing the user said, is in the mic. */
  private List<long[]> echoOnlyWindows() {
    List<long[]> windows = new ArrayList<>();
    long start = -1;
    for (AgentEventLine line : events) {
      AgentEvent event = line.event();
      if (event instanceof AgentEvent.PlaybackStarted) {
        start = line.audioMs() + ECHO_LAG_MS;
      } else if ((event instanceof AgentEvent.PlaybackDrained || event instanceof AgentEvent.PlaybackStopped)
          && start >= 0) {
        windows.addAll(withoutUser(start, line.audioMs() + ECHO_LAG_MS));
        start = -1;
      }
    }
    return windows;
  }

  private List<long[]> withoutUser(long from, long to) {
    List<long[]> pieces = new ArrayList<>(List.of(new long[] {from, to}));
    for (HearingDriver.Line user : run.lines()) {
      long cutFrom = user.startMs() - HearingDriver.LINE_TOLERANCE_MS;
      long cutTo = user.endMs() + HearingDriver.LINE_TOLERANCE_MS;
      List<long[]> next = new ArrayList<>();
      for (long[] piece : pieces) {
        if (cutTo <= piece[0] || cutFrom >= piece[1]) {
          next.add(piece);
          continue;
        }
        if (cutFrom > piece[0]) {
          next.add(new long[] {piece[0], cutFrom});
        }
        if (cutTo < piece[1]) {
          next.add(new long[] {cutTo, piece[1]});
        }
      }
      pieces = next;
    }
    return pieces;
  }

  private static double levelDb(short[] samples, List<long[]> windows) {
    double sum = 0;
    long count = 0;
    for (long[] window : windows) {
      int from = (int) Math.max(0, window[0] * Pcm.SAMPLES_PER_MS);
      int to = (int) Math.min(samples.length, window[1] * Pcm.SAMPLES_PER_MS);
      for (int i = from; i < to; i++) {
        sum += (double) samples[i] * samples[i];
        count++;
      }
    }
    double rms = count == 0 ? 0 : Math.sqrt(sum / count);
    return 20 * Math.log10(Math.max(rms, 0.5) / 32768.0);
  }

  private static long totalMs(List<long[]> windows) {
    return windows.stream().mapToLong(w -> Math.max(0, w[1] - w[0])).sum();
  }

  private <T extends AgentEvent> List<Integer> replies(Class<T> type) {
    List<Integer> replies = new ArrayList<>();
    for (AgentEventLine line : events) {
      AgentEvent event = line.event();
      if (event instanceof AgentEvent.PlaybackStarted started && type == AgentEvent.PlaybackStarted.class) {
        replies.add(started.reply());
      } else if (event instanceof AgentEvent.PlaybackStopped stopped && type == AgentEvent.PlaybackStopped.class) {
        replies.add(stopped.reply());
      } else if (event instanceof AgentEvent.PlaybackDrained drained && type == AgentEvent.PlaybackDrained.class) {
        replies.add(drained.reply());
      }
    }
    return replies;
  }

  private String output() {
    return String.join("\n", run.agentOutput());
  }

  private static byte[] pcm(Path wav) {
    try {
      return WavFile.read(wav, PcmFormat.STT).pcm();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
