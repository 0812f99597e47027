package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.conversation.AgentEvent.AgentError;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.turn.SentenceChunker;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The speaking half of the conversation: LLM text → segments → TTS → speaker, and what the speaker
 * reports back. Runs on the event loop; events of a reply that is no longer current are dropped,
 * which is what makes cancellation safe against callbacks already in flight.
 */
final class Speech {
  private final Conversation conversation;
  private final SpeechSynthesizer tts;
  private final AudioSink speaker;
  private final PcmFormat format;
  private final Executor loop;

  private final PlaybackTimeline timeline;
  // Written on the loop, read by the microphone thread in half-duplex mode.
  private volatile boolean audible;
  private long playbackEndedAt = Long.MIN_VALUE;
  private Reply playing;

  Speech(Conversation conversation, SpeechSynthesizer tts, AudioSink speaker, Executor loop) {
    this.conversation = conversation;
    this.tts = tts;
    this.speaker = speaker;
    this.format = tts.format();
    this.loop = loop;
    this.timeline = new PlaybackTimeline(format.sampleRate());
  }

  PlaybackTimeline timeline() {
    return timeline;
  }

  SentenceChunker newChunker(ConversationSettings settings) {
    return new SentenceChunker(settings.clauseMinChars(), settings.maxSegmentChars());
  }

  boolean audible() {
    return audible;
  }

  /** Time since the speaker last went silent, or null if it never played. */
  Duration sincePlaybackEnded(Clock clock) {
    return playbackEndedAt == Long.MIN_VALUE
        ? null
        : Duration.ofNanos(clock.nanoTime() - playbackEndedAt);
  }

  // ---- LLM → segments -------------------------------------------------------------------------

  void onLlm(Reply reply, LlmEvent event) {
    if (!conversation.isCurrent(reply)) {
      return;
    }
    if (event instanceof LlmEvent.Retrying retrying) {
      conversation.publish(new AgentEvent.ServiceRetrying(conversation.now(), "llm", retrying.message()));
      return;
    }
    if (event instanceof LlmEvent.TextDelta delta) {
      if (reply.firstToken) {
        reply.firstToken = false;
        conversation.publish(new AgentEvent.LlmFirstToken(conversation.now(), reply.id));
      }
      reply.text.append(delta.text());
      reply.chunker.add(delta.text()).forEach(reply.unsynthesized::add);
    } else {
      reply.llmDone = true;
      String rest = reply.chunker.flush();
      if (!rest.isEmpty()) {
        reply.unsynthesized.add(rest);
      }
      if (event instanceof LlmEvent.Failed failed) {
        conversation.publish(new AgentError(conversation.now(), "llm", failed.message()));
        tellTheUser(reply);
      }
      String stopReason = event instanceof LlmEvent.Completed done ? done.stopReason() : "error";
      conversation.publish(
          new AgentEvent.LlmCompleted(
              conversation.now(), reply.id, reply.text.toString(), stopReason));
    }
    synthesizeNext(reply);
    finishIfDone(reply);
  }

  /**
   * The LLM failed for good (retries and fallback were tried) before saying anything: say so
   * briefly, so the user is not left waiting in silence, and listen again. Not part of the history.
   */
  private void tellTheUser(Reply reply) {
    String notice = conversation.settings().failureNotice();
    if (reply.text.length() == 0 && !notice.isEmpty()) {
      reply.notice = true;
      reply.unsynthesized.add(notice);
    }
  }

  /** One TTS request at a time keeps segments in order; the next starts when one completes. */
  private void synthesizeNext(Reply reply) {
    if (reply.ttsCall != null || reply.unsynthesized.isEmpty()) {
      return;
    }
    String text = reply.unsynthesized.poll();
    int segment = ++reply.segmentsRequested;
    reply.ttsSegment = segment;
    conversation.publish(new AgentEvent.TtsRequestSent(conversation.now(), reply.id, segment, text));
    try {
      reply.ttsCall = tts.synthesize(text, e -> loop.execute(() -> onTts(reply, segment, text, e)));
    } catch (RuntimeException e) {
      // An adapter that throws instead of reporting must not leave the reply waiting forever.
      reply.ttsCall = Cancellable.NONE;
      loop.execute(() -> onTts(reply, segment, text, new TtsEvent.Failed(e.toString())));
    }
  }

  private void onTts(Reply reply, int segment, String text, TtsEvent event) {
    if (!conversation.isCurrent(reply) || reply.ttsSegment != segment) {
      return;
    }
    if (event instanceof TtsEvent.Retrying retrying) {
      conversation.publish(new AgentEvent.ServiceRetrying(conversation.now(), "tts", retrying.message()));
      return;
    }
    if (event instanceof TtsEvent.Audio audio) {
      if (reply.baselineFrames < 0) {
        reply.baselineFrames = speaker.framesPlayed();
      }
      reply.audio.add(audio.pcm());
      if (reply.addAudio(segment, text, audio.pcm().length / PcmFormat.BYTES_PER_FRAME)) {
        conversation.publish(
            new AgentEvent.TtsFirstAudio(conversation.now(), reply.id, segment, text));
      }
      if (!reply.held) {
        playing = reply;
        speaker.play(audio.pcm());
      }
      return;
    }
    if (event instanceof TtsEvent.Failed failed) {
      conversation.publish(new AgentError(conversation.now(), "tts", failed.message()));
      // Retries and the fallback were tried: the agent cannot speak this reply. What was heard
      // stays heard; the rest is dropped and the agent listens again.
      reply.llmCall.cancel();
      reply.llmDone = true;
      reply.unsynthesized.clear();
      reply.speechFailed = true;
    }
    reply.ttsCall = null;
    reply.ttsSegment = -1;
    synthesizeNext(reply);
    finishIfDone(reply);
  }

  // ---- speaker --------------------------------------------------------------------------------

  void onPlayback(PlaybackEvent event) {
    if (event instanceof PlaybackEvent.Started) {
      audible = true;
      Reply current = playing != null && conversation.isCurrent(playing) ? playing : null;
      timeline.started(
          current, conversation.nowMs(), current == null ? 0 : framesHeard(current, event.framesPlayed()));
      if (playing != null && conversation.isCurrent(playing) && !playing.playbackStarted) {
        playing.playbackStarted = true;
        conversation.setState(AgentState.SPEAKING);
        conversation.publish(new AgentEvent.PlaybackStarted(conversation.now(), playing.id));
      }
      return;
    }
    audible = false;
    playbackEndedAt = conversation.clock().nanoTime();
    timeline.ended(conversation.nowMs());
    if (playing == null) {
      return;
    }
    double playedMs = format.millisForFrames(framesHeard(playing, event.framesPlayed()));
    if (event instanceof PlaybackEvent.Drained) {
      playing.drainedSinceLastQueue = true;
      finishIfDone(playing);
    } else if (event instanceof PlaybackEvent.Stopped) {
      conversation.publish(new AgentEvent.PlaybackStopped(conversation.now(), playing.id, playedMs));
      playing = null;
    } else if (event instanceof PlaybackEvent.DeviceLost lost) {
      conversation.publish(new AgentError(conversation.now(), "speaker", lost.message()));
    }
  }

  double millisHeard(Reply reply) {
    return format.millisForFrames(framesHeard(reply));
  }

  /** Frames of this reply's audio that have come out of the speaker. */
  long framesHeard(Reply reply) {
    return framesHeard(reply, speaker.framesPlayed());
  }

  private static long framesHeard(Reply reply, long speakerFrames) {
    return reply.baselineFrames < 0 ? 0 : Math.max(0, speakerFrames - reply.baselineFrames);
  }

  void stopSpeaking(Reply reply) {
    reply.llmCall.cancel();
    if (reply.ttsCall != null) {
      reply.ttsCall.cancel();
    }
    if (reply.framesQueued > 0 && !reply.held) {
      speaker.stop();
    }
  }

  /**
   * Silences the reply but keeps it: the LLM and TTS go on, their audio is kept, and {@link
   * #resume} plays it from the frame where the user stopped hearing it.
   */
  void pause(Reply reply) {
    if (reply.held) {
      return;
    }
    reply.held = true;
    if (reply.framesQueued > 0 && !reply.drainedSinceLastQueue) {
      speaker.stop(); // only when some of it is at the speaker: a silent stop reports nothing useful
    }
  }

  /** Plays the rest of a paused reply: not from the start of the sentence, and not less. */
  void resume(Reply reply) {
    if (!reply.held) {
      return;
    }
    reply.held = false;
    byte[] rest = reply.audio.from(framesHeard(reply));
    if (rest.length > 0) {
      playing = reply;
      reply.drainedSinceLastQueue = false;
      speaker.play(rest);
    } else {
      reply.drainedSinceLastQueue = true;
      finishIfDone(reply);
    }
  }

  private void finishIfDone(Reply reply) {
    boolean silent = reply.framesQueued == 0 || (reply.drainedSinceLastQueue && !audible);
    if (!conversation.isCurrent(reply) || !reply.allAudioQueued() || !silent || reply.held) {
      return;
    }
    if (reply.framesQueued > 0) {
      conversation.publish(
          new AgentEvent.PlaybackDrained(
              conversation.now(), reply.id, format.millisForFrames(reply.framesQueued)));
    }
    playing = null;
    conversation.replyFinished(reply);
  }
}
