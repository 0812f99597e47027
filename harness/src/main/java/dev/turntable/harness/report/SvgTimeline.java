package dev.turntable.harness.report;

import dev.turntable.harness.fixture.AgentEventLine;
import dev.turntable.harness.replay.CapturingSpeaker.PlayedSpan;
import java.util.List;

/**
 * One session drawn on a common time axis in seconds: mic waveform, the user's words, the agent's
 * speech, barge-in decisions and agent states, one lane each.
 *
 * <p>User and STT things (partials, turns, barge-in decisions) are placed by the event line's
 * {@code audioMs}, the audio the mock or real STT had received; agent things (replies, played
 * audio, states, errors) by {@code tMs}, the agent clock. Both start with the session and run at
 * the recorded speed, so they coincide to within one audio frame (the mic is sent in frames); at
 * N× the agent clock is scaled back to session time, so the axis still reads as 1× seconds.
 */
final class SvgTimeline {
  static final double LEFT = 76;
  private static final double AXIS = 22;
  private static final double GAP = 6;
  private static final double END_PADDING_MS = 250;

  private SvgTimeline() {}

  static String render(ReportSession session) {
    TimeAxis axis = new TimeAxis(LEFT, endMs(session));
    List<LaneBox> lanes =
        stack(
            new LaneBox("mic", 0, 70),
            new LaneBox("user", 0, 50),
            new LaneBox("agent", 0, 86),
            new LaneBox("barge-in", 0, 30),
            new LaneBox("state", 0, 22));
    double height = lanes.get(lanes.size() - 1).bottom() + AXIS;
    double width = axis.right() + 16;
    Svg svg = new Svg();
    String w = Svg.num(width);
    String h = Svg.num(height);
    svg.raw(
        String.format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"%s\""
                + " height=\"%s\" viewBox=\"0 0 %s %s\" role=\"img\" aria-label=\"%s\">",
            w, h, w, h, Html.escape("timeline of " + session.name())));
    drawFrame(svg, axis, lanes, height);
    AudioLanes.drawMic(svg, axis, lanes.get(0), session);
    UserLane.draw(svg, axis, lanes.get(1), session);
    AudioLanes.drawAgent(svg, axis, lanes.get(2), session);
    DecisionLane.draw(svg, axis, lanes.get(3), lanes.get(0).top(), session);
    StateLane.draw(svg, axis, lanes.get(4), session);
    return svg.raw("</svg>").toString();
  }

  /** Places the lanes one under another below the top axis. */
  private static List<LaneBox> stack(LaneBox... lanes) {
    double top = AXIS;
    LaneBox[] placed = new LaneBox[lanes.length];
    for (int i = 0; i < lanes.length; i++) {
      placed[i] = new LaneBox(lanes[i].name(), top, lanes[i].height());
      top += lanes[i].height() + GAP;
    }
    return List.of(placed);
  }

  private static void drawFrame(Svg svg, TimeAxis axis, List<LaneBox> lanes, double height) {
    for (LaneBox lane : lanes) {
      svg.rect(axis.left(), lane.top(), axis.right() - axis.left(), lane.height(), "lane", null);
      svg.text(8, lane.middle() + 4, lane.name(), "lane-name");
    }
    double bottom = lanes.get(lanes.size() - 1).bottom();
    for (double ms : axis.ticksMs()) {
      double x = axis.x(ms);
      svg.line(x, AXIS - 4, x, bottom, "grid", null);
      svg.text(x, AXIS - 8, axis.label(ms), "axis");
      svg.text(x, height - 6, axis.label(ms), "axis");
    }
  }

  /** The last moment anything happened, so nothing falls off the right edge. */
  static double endMs(ReportSession session) {
    double end = session.micFormat().millisForBytes(session.micPcm().length);
    for (AgentEventLine line : session.timeline().events()) {
      end = Math.max(end, Math.max(line.audioMs(), line.tMs()));
    }
    for (PlayedSpan span : session.speakerSpans()) {
      end = Math.max(end, span.endMs(session.speakerFormat()));
    }
    return end + END_PADDING_MS;
  }
}
