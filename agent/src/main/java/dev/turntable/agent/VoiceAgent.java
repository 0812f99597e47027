package dev.turntable.agent;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.conversation.AgentEventListener;
import dev.turntable.agent.conversation.Conversation;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.conversation.EventLoop;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.stt.SpeechToText;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import dev.turntable.agent.time.VirtualScheduler;
import dev.turntable.agent.tts.SpeechSynthesizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The agent assembled from its edges. Live use and replay differ only in the parts passed in: the
 * conversation core is the same code either way.
 */
public final class VoiceAgent implements AutoCloseable {
  /** The edges of the agent. */
  public record Parts(
      AudioSource microphone,
      AudioSink speaker,
      SpeechToText stt,
      ChatModel llm,
      SpeechSynthesizer tts,
      Clock clock) {}

  private final Parts parts;
  private final LoopScheduler eventLoop;
  private final LoopScheduler loop;
  private final LoopWorkMeter meter;
  private final VirtualScheduler virtualTime;
  private final Conversation conversation;
  private final MicrophonePump pump;
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private volatile long streamStartNanos;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The live agent: its own event-loop thread and microphone thread, on {@code parts.clock()}. */
  public VoiceAgent(
      Parts parts,
      ConversationSettings settings,
      boolean halfDuplex,
      List<AgentEventListener> listeners) {
    this(parts, settings, halfDuplex, listeners, null);
  }

  /**
   * The same agent on virtual time: {@code time} is its clock, its event loop and its microphone's
   * pace, and every part must run on it (no threads of their own). The caller drives the run with
   * {@link VirtualScheduler#runUntil}.
   */
  public static VoiceAgent onVirtualTime(
      Parts parts,
      ConversationSettings settings,
      boolean halfDuplex,
      List<AgentEventListener> listeners,
      VirtualScheduler time) {
    if (parts.clock() != time) {
      throw new IllegalArgumentException("on virtual time the agent's clock must be the scheduler");
    }
    return new VoiceAgent(parts, settings, halfDuplex, listeners, time);
  }

  private VoiceAgent(
      Parts parts,
      ConversationSettings settings,
      boolean halfDuplex,
      List<AgentEventListener> listeners,
      VirtualScheduler virtualTime) {
    if (!parts.tts().format().equals(parts.speaker().format())) {
      throw new IllegalArgumentException(
          "speaker plays " + parts.speaker().format() + " but TTS produces " + parts.tts().format());
    }
    this.parts = parts;
    this.virtualTime = virtualTime;
    this.meter = new LoopWorkMeter(parts.clock(), () -> streamStartNanos);
    List<AgentEventListener> all = new ArrayList<>(listeners);
    meter.publishTo(all);
    all.add(0, meter);
    if (virtualTime == null) {
      this.eventLoop = new EventLoop("turntable-conversation", this::reportBug);
    } else {
      virtualTime.onFailure(this::reportBug);
      this.eventLoop = virtualTime;
    }
    this.loop = meter.wrap(eventLoop);
    this.conversation =
        new Conversation(settings, parts.llm(), parts.tts(), parts.speaker(), loop, parts.clock(), all);
    this.pump = new MicrophonePump(parts.microphone(), parts.stt(), halfDuplex, conversation::agentAudible);
  }

  private void reportBug(Throwable bug) {
    conversation.reportBug(bug);
  }

  /** Connects to STT and starts listening. */
  public void start() {
    parts.speaker().setListener(e -> loop.execute(() -> conversation.onPlayback(e)));
    parts.stt().start(e -> loop.execute(() -> onStt(e)));
    pump.ended().whenComplete((ok, error) -> finished.complete(null));
    streamStartNanos = conversation.markStreamStart();
    if (virtualTime == null) {
      pump.start();
    } else {
      pump.startOn(virtualTime);
    }
  }

  private void onStt(SttEvent event) {
    conversation.onStt(event);
    if (conversation.sessionOver()) {
      finished.complete(null);
    }
  }

  /** The clock's time when the microphone stream started: time zero of every agent event. */
  public long streamStartNanos() {
    return streamStartNanos;
  }

  /** Audio milliseconds sent to STT so far: the stream position used to place events. */
  public long audioMsSent() {
    return pump.audioMsSent();
  }

  /** Completes when the microphone ends or the STT session is over for good. */
  public CompletableFuture<Void> finished() {
    return finished;
  }

  /**
   * No reply is being produced or played, or the session is over. On virtual time only, where the
   * caller's thread is the loop's.
   */
  public boolean idleOnVirtualTime() {
    if (virtualTime == null) {
      throw new IllegalStateException("the live agent's state belongs to its loop: use awaitIdle");
    }
    return conversation.idle() || conversation.sessionOver();
  }

  /** Waits until no reply is being produced or played, checked on the loop. Live agents only. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      CompletableFuture<Boolean> idle = new CompletableFuture<>();
      loop.execute(() -> idle.complete(conversation.idle() || conversation.sessionOver()));
      try {
        if (idle.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          return true;
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return false;
  }

  /**
   * Stops listening, ends the STT session cleanly (Terminate, then Termination with any last
   * turns), cancels a reply still in progress and silences the speaker.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    pump.close();
    parts.stt().close();
    if (virtualTime == null) {
      loop.execute(conversation::shutDown);
      ((EventLoop) eventLoop).close();
    } else {
      // What the STT session's end delivered (last turns, Termination) is handled first, as the
      // live loop would, then the conversation shuts down.
      virtualTime.runUntil(() -> false, virtualTime.nanoTime());
      conversation.shutDown();
      virtualTime.runUntil(() -> false, virtualTime.nanoTime());
    }
    parts.speaker().close();
    parts.microphone().close();
  }
}
