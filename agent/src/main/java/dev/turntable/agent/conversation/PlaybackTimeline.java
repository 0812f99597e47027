package dev.turntable.agent.conversation;

import dev.turntable.agent.turn.EchoGuard.PlayedWord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * When the agent was audible, on the stream's audio axis (ms since the microphone stream began,
 * the axis of the transcript's word timestamps), and which frames of which reply were coming out.
 * It answers "was the agent audible when this was said?" and "what was it saying then?" for words
 * whose transcripts arrive up to {@code max_turn_silence} later. Touched only on the event loop.
 */
final class PlaybackTimeline {
  /** Enough for every span a transcript can still refer to. */
  private static final int MAX_SPANS = 64;

  private record Span(Reply reply, long startMs, long startFrame, long endMs) {
    boolean open() {
      return endMs == Long.MAX_VALUE;
    }
  }

  private final Deque<Span> spans = new ArrayDeque<>();
  private final int sampleRate;

  PlaybackTimeline(int sampleRate) {
    this.sampleRate = sampleRate;
  }

  /** Audio of {@code reply} (null if unknown) began coming out at {@code replyFrame}. */
  void started(Reply reply, long atMs, long replyFrame) {
    ended(atMs);
    spans.addLast(new Span(reply, atMs, replyFrame, Long.MAX_VALUE));
    if (spans.size() > MAX_SPANS) {
      spans.removeFirst();
    }
  }

  void ended(long atMs) {
    Span last = spans.peekLast();
    if (last != null && last.open()) {
      spans.removeLast();
      spans.addLast(new Span(last.reply(), last.startMs(), last.startFrame(), Math.max(atMs, last.startMs())));
    }
  }

  /** Whether {@code [fromMs, toMs]} meets a span of agent audio extended by {@code graceMs}. */
  boolean overlaps(long fromMs, long toMs, long graceMs) {
    for (Span span : spans) {
      long graceEnd = span.open() ? Long.MAX_VALUE : span.endMs() + graceMs;
      if (fromMs <= graceEnd && toMs >= span.startMs()) {
        return true;
      }
    }
    return false;
  }

  boolean audibleAt(long ms) {
    return overlaps(ms, ms, 0);
  }

  /**
   * The words that began coming out of the speaker within {@code [fromMs, toMs]}. Inside a TTS
   * segment, words are placed in proportion to their length: a fair estimate of speech timing
   * when the provider gives no word alignment.
   */
  List<PlayedWord> playedBetween(long fromMs, long toMs) {
    List<PlayedWord> out = new ArrayList<>();
    for (Span span : spans) {
      if (span.reply() == null || span.startMs() > toMs || span.endMs() < fromMs) {
        continue;
      }
      for (Reply.Segment segment : span.reply().queuedAudio) {
        addWords(out, span, segment, fromMs, toMs);
      }
    }
    return out;
  }

  private void addWords(List<PlayedWord> out, Span span, Reply.Segment segment, long fromMs, long toMs) {
    String[] words = segment.text().strip().split("\\s+");
    long total = 0;
    for (String word : words) {
      total += word.length() + 1;
    }
    long frames = segment.endFrame() - segment.startFrame();
    long before = 0;
    for (String word : words) {
      long frame = segment.startFrame() + frames * before / Math.max(1, total);
      before += word.length() + 1;
      if (frame < span.startFrame()) {
        continue;
      }
      long atMs = span.startMs() + (frame - span.startFrame()) * 1000 / sampleRate;
      if (atMs >= fromMs && atMs <= toMs && (span.open() || atMs < span.endMs())) {
        out.add(new PlayedWord(word, atMs));
      }
    }
  }
}
