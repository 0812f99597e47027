package dev.turntable.harness.report;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.replay.CapturingSpeaker.PlayedSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The two waveform lanes: the mic (audio time, from 0) and the agent's speech (each played span
 * placed at its agent-clock start), with the replies it belongs to labelled above the waveform.
 */
final class AudioLanes {
  private static final double LABEL_ROW = 15;

  private AudioLanes() {}

  static void drawMic(Svg svg, TimeAxis axis, LaneBox box, ReportSession session) {
    double durationMs = session.micFormat().millisForBytes(session.micPcm().length);
    int columns = (int) Math.max(1, Math.round(axis.px(durationMs)));
    Waveform.Envelope envelope = Waveform.envelope(session.micPcm(), columns);
    if (envelope.columns() == 0) {
      svg.text(axis.left() + 4, box.middle() + 4, "no mic audio", "note");
      return;
    }
    double gain = WaveformPath.gainFor(envelope.peak());
    String d = WaveformPath.of(envelope, axis.x(0), axis.px(durationMs) / columns, box, gain);
    svg.path(d, "wave mic", null);
  }

  static void drawAgent(Svg svg, TimeAxis axis, LaneBox box, ReportSession session) {
    List<ReplySpan> replies = ReplySpan.of(session.timeline(), axis.endMs());
    if (replies.isEmpty() && session.speakerSpans().isEmpty()) {
      svg.text(axis.left() + 4, box.middle() + 4, "the agent did not speak", "note");
      return;
    }
    LaneBox wave = new LaneBox(box.name(), box.top() + LABEL_ROW, box.height() - LABEL_ROW);
    for (ReplySpan reply : replies) {
      String title = "reply " + reply.reply() + ", " + reply.ending() + ": " + reply.text();
      double x = axis.x(reply.startMs());
      svg.rect(
          x,
          wave.top(),
          axis.px(reply.endMs() - reply.startMs()),
          wave.height(),
          reply.stopped() ? "reply stopped" : "reply",
          title);
    }
    drawReplyLabels(svg, axis, box, replies);
    drawSpeakerWaveform(svg, axis, wave, session.speakerFormat(), session.speakerSpans());
  }

  private static void drawReplyLabels(
      Svg svg, TimeAxis axis, LaneBox box, List<ReplySpan> replies) {
    for (int i = 0; i < replies.size(); i++) {
      double x = axis.x(replies.get(i).startMs());
      double next = i + 1 < replies.size() ? axis.x(replies.get(i + 1).startMs()) : axis.right();
      String label = Labels.fit(replies.get(i).text(), Labels.room(x, next));
      svg.text(x + 2, box.top() + 11, label, "label agent-text");
    }
  }

  private static void drawSpeakerWaveform(
      Svg svg, TimeAxis axis, LaneBox wave, PcmFormat format, List<PlayedSpan> spans) {
    List<Waveform.Envelope> envelopes = new ArrayList<>();
    double peak = 0;
    for (PlayedSpan span : spans) {
      double px = axis.px(format.millisForBytes(span.pcm().length));
      Waveform.Envelope envelope = Waveform.envelope(span.pcm(), (int) Math.max(1, Math.round(px)));
      envelopes.add(envelope);
      peak = Math.max(peak, envelope.peak());
    }
    double gain = WaveformPath.gainFor(peak);
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < spans.size(); i++) {
      Waveform.Envelope envelope = envelopes.get(i);
      if (envelope.columns() > 0) {
        double px = axis.px(format.millisForBytes(spans.get(i).pcm().length));
        double left = axis.x(spans.get(i).startMs());
        d.append(WaveformPath.of(envelope, left, px / envelope.columns(), wave, gain));
      }
    }
    if (d.length() > 0) {
      svg.path(d.toString(), "wave agent", null);
    }
  }
}
