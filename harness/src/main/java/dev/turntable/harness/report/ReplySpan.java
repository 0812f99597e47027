package dev.turntable.harness.report;

import dev.turntable.agent.conversation.AgentEvent;
import dev.turntable.agent.conversation.AgentEvent.HistoryTruncated;
import dev.turntable.agent.conversation.AgentEvent.PlaybackDrained;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStarted;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStopped;
import dev.turntable.agent.conversation.AgentEvent.TtsFirstAudio;
import dev.turntable.agent.conversation.AgentEvent.TtsRequestSent;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One reply as the agent clock saw it: audible from PlaybackStarted until it was stopped or drained
 * (or the session ended), with what it said and, if cut off, what the user actually heard.
 */
record ReplySpan(int reply, double startMs, double endMs, String text, String ending) {

  static List<ReplySpan> of(Timeline timeline, double sessionEndMs) {
    List<ReplySpan> spans = new ArrayList<>();
    for (AgentEventLine line : timeline.entries(PlaybackStarted.class)) {
      int reply = ((PlaybackStarted) line.event()).reply();
      int at = timeline.indexOf(line);
      var stopped = timeline.first(PlaybackStopped.class, at, e -> e.reply() == reply);
      var drained = timeline.first(PlaybackDrained.class, at, e -> e.reply() == reply);
      var end =
          stopped.isPresent() && drained.isPresent()
              ? Optional.of(earlier(timeline, stopped.get(), drained.get()))
              : stopped.or(() -> drained);
      spans.add(
          new ReplySpan(
              reply,
              line.tMs(),
              end.map(AgentEventLine::tMs).orElse(sessionEndMs),
              said(timeline, reply),
              ending(timeline, reply, end.map(AgentEventLine::event).orElse(null))));
    }
    return spans;
  }

  /** The segments sent to TTS (or, if the requests were not recorded, those that sounded). */
  private static String said(Timeline timeline, int reply) {
    String requested =
        timeline.all(TtsRequestSent.class).stream()
            .filter(e -> e.reply() == reply)
            .map(TtsRequestSent::text)
            .collect(Collectors.joining(" "));
    if (!requested.isBlank()) {
      return requested;
    }
    return timeline.all(TtsFirstAudio.class).stream()
        .filter(e -> e.reply() == reply)
        .map(TtsFirstAudio::text)
        .collect(Collectors.joining(" "));
  }

  private static String ending(Timeline timeline, int reply, AgentEvent end) {
    if (end instanceof PlaybackStopped stopped) {
      String heard =
          timeline.all(HistoryTruncated.class).stream()
              .filter(e -> e.reply() == reply)
              .map(e -> "; heard: \"" + e.heard() + "\", unheard: \"" + e.unheard() + "\"")
              .findFirst()
              .orElse("");
      return String.format(Locale.ROOT, "stopped after %.2f s", stopped.heardMs() / 1000) + heard;
    }
    if (end instanceof PlaybackDrained drained) {
      return String.format(Locale.ROOT, "finished, %.2f s played", drained.playedMs() / 1000);
    }
    return "still playing when the session ended";
  }

  private static AgentEventLine earlier(Timeline timeline, AgentEventLine a, AgentEventLine b) {
    return timeline.indexOf(a) <= timeline.indexOf(b) ? a : b;
  }

  boolean stopped() {
    return ending.startsWith("stopped");
  }
}
