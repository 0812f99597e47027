package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.turn.SentenceChunker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * One LLM answer being spoken: its text, its segments waiting for or in synthesis, and where each
 * segment's audio lies in the frames queued to the speaker, so a barge-in can tell what was heard.
 * Touched only on the event loop.
 */
final class Reply {
  record Segment(int index, String text, long startFrame, long endFrame) {}

  final int id;
  final StringBuilder text = new StringBuilder();
  final SentenceChunker chunker;
  final Queue<String> unsynthesized = new ArrayDeque<>();
  final List<Segment> queuedAudio = new ArrayList<>();
  final ReplyAudio audio = new ReplyAudio();
  Cancellable llmCall = Cancellable.NONE;
  Cancellable ttsCall;
  int ttsSegment = -1;
  int segmentsRequested;
  boolean firstToken = true;
  boolean llmDone;
  boolean playbackStarted;
  boolean drainedSinceLastQueue = true;
  long framesQueued;
  long baselineFrames = -1;
  /** Paused: synthesis goes on, but nothing more goes to the speaker until it resumes. */
  boolean held;
  /** The LLM failed for good: the user was told instead; nothing of it belongs in the history. */
  boolean notice;
  /** TTS failed for good: only what was heard belongs in the history. */
  boolean speechFailed;

  Reply(int id, SentenceChunker chunker) {
    this.id = id;
    this.chunker = chunker;
  }

  boolean allAudioQueued() {
    return llmDone && unsynthesized.isEmpty() && ttsCall == null;
  }

  /** Appends audio of the segment in synthesis; returns true if it is that segment's first audio. */
  boolean addAudio(int segment, String segmentText, int frames) {
    Segment last = queuedAudio.isEmpty() ? null : queuedAudio.get(queuedAudio.size() - 1);
    framesQueued += frames;
    drainedSinceLastQueue = false;
    if (last != null && last.index() == segment) {
      queuedAudio.set(
          queuedAudio.size() - 1,
          new Segment(segment, segmentText, last.startFrame(), framesQueued));
      return false;
    }
    queuedAudio.add(new Segment(segment, segmentText, framesQueued - frames, framesQueued));
    return true;
  }

  /**
   * The words heard after {@code heardFrames} of this reply's audio played: whole segments, then
   * the share of the next segment's words proportional to the share of its audio that was played.
   */
  String heardText(long heardFrames) {
    StringBuilder heard = new StringBuilder();
    for (Segment segment : queuedAudio) {
      if (heardFrames >= segment.endFrame()) {
        append(heard, segment.text());
      } else if (heardFrames > segment.startFrame()) {
        String[] words = segment.text().split("\\s+");
        double share =
            (double) (heardFrames - segment.startFrame())
                / (segment.endFrame() - segment.startFrame());
        int count = (int) Math.floor(words.length * share);
        append(heard, String.join(" ", Arrays.asList(words).subList(0, count)));
        break;
      } else {
        break;
      }
    }
    return heard.toString();
  }

  private static void append(StringBuilder to, String words) {
    if (words.isEmpty()) {
      return;
    }
    if (to.length() > 0) {
      to.append(' ');
    }
    to.append(words);
  }
}
