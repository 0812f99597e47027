package dev.turntable.harness.report;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.conversation.AgentEvent.PlaybackDrained;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStarted;
import dev.turntable.agent.conversation.AgentEvent.PlaybackStopped;
import dev.turntable.harness.check.Timeline;
import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.replay.CapturingSpeaker.PlayedSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Places a recording's speaker.wav on the session's time axis. The file holds the played audio back
 * to back without the silences between replies; agent.jsonl says when each reply started and how
 * much of it played, which cuts the file into one span per reply.
 */
final class SpeakerSpans {
  private SpeakerSpans() {}

  static List<PlayedSpan> backToBack(PcmFormat format, byte[] pcm, Timeline timeline) {
    List<PlayedSpan> spans = new ArrayList<>();
    int offset = 0;
    for (AgentEventLine start : timeline.entries(PlaybackStarted.class)) {
      if (offset >= pcm.length) {
        break;
      }
      int reply = ((PlaybackStarted) start.event()).reply();
      double playedMs = playedMs(timeline, timeline.indexOf(start), reply);
      int length =
          Double.isNaN(playedMs)
              ? pcm.length - offset // still playing at the end: the rest of the file
              : Math.min(pcm.length - offset, format.bytesForMillis(Math.round(playedMs)));
      spans.add(new PlayedSpan(start.tMs(), Arrays.copyOfRange(pcm, offset, offset + length)));
      offset += length;
    }
    return spans;
  }

  /** How much of the reply played, from whichever of Stopped/Drained came first; NaN if neither. */
  private static double playedMs(Timeline timeline, int from, int reply) {
    for (AgentEventLine line : timeline.events().subList(from, timeline.events().size())) {
      if (line.event() instanceof PlaybackStopped s && s.reply() == reply) {
        return s.heardMs();
      }
      if (line.event() instanceof PlaybackDrained d && d.reply() == reply) {
        return d.playedMs();
      }
    }
    return Double.NaN;
  }
}
