package dev.turntable.harness.bench;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.PlaybackEvent;
import dev.turntable.agent.audio.PlaybackListener;
import dev.turntable.agent.conversation.Conversation;
import dev.turntable.agent.conversation.ConversationSettings;
import dev.turntable.agent.conversation.EventLoop;
import dev.turntable.agent.llm.ChatModel;
import dev.turntable.agent.llm.LlmEvent;
import dev.turntable.agent.stt.SttEvent;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real conversation loop with an LLM, a TTS and a speaker that answer at once, in process:
 * what is left of a turn's time is the agent's own work. Each turn is an end-of-turn message
 * handed to the loop; it ends when the reply's first audio byte reaches the speaker, and the
 * reply is then played out so the next turn starts from a listening agent.
 */
final class InstantConversation implements AutoCloseable {
  private static final PcmFormat FORMAT = new PcmFormat(16_000);

  private final SynchronousQueue<Long> firstAudio = new SynchronousQueue<>();
  private final InstantSpeaker speaker = new InstantSpeaker();
  private final EventLoop loop = new EventLoop("turntable-bench-loop", Throwable::printStackTrace);
  private final Conversation conversation;
  private int turns;

  InstantConversation() {
    ChatModel llm =
        (history, listener) -> {
          listener.onLlm(new LlmEvent.TextDelta("Sure, here is the answer. "));
          listener.onLlm(new LlmEvent.TextDelta("It has two sentences."));
          listener.onLlm(new LlmEvent.Completed("stop"));
          return Cancellable.NONE;
        };
    SpeechSynthesizer tts =
        new SpeechSynthesizer() {
          @Override
          public PcmFormat format() {
            return FORMAT;
          }

          @Override
          public Cancellable synthesize(String text, TtsListener listener) {
            listener.onTts(new TtsEvent.Audio(new byte[3200]));
            listener.onTts(new TtsEvent.Completed());
            return Cancellable.NONE;
          }
        };
    conversation =
        new Conversation(
            ConversationSettings.defaults(), llm, tts, speaker, loop, Clock.system(), List.of(e -> {}));
    speaker.setListener(e -> loop.execute(() -> conversation.onPlayback(e)));
  }

  /** One turn; returns nanoseconds from the end-of-turn message to the first audio byte. */
  long turn() throws Exception {
    int order = turns++;
    SttEvent.Turn turn =
        new SttEvent.Turn(order, "What is the answer number " + order + "?", true, List.of());
    speaker.armed = true;
    long start = System.nanoTime();
    loop.execute(() -> conversation.onStt(new SttEvent.TurnUpdate(turn)));
    Long end = firstAudio.poll(5, TimeUnit.SECONDS);
    if (end == null) {
      throw new IllegalStateException("timed out waiting for the first audio of turn " + order);
    }
    waitUntilIdle();
    return end - start;
  }

  private void waitUntilIdle() throws Exception {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      CompletableFuture<Boolean> idle = new CompletableFuture<>();
      loop.execute(speaker::drain);
      loop.execute(() -> idle.complete(conversation.idle()));
      if (idle.get(5, TimeUnit.SECONDS)) {
        return;
      }
    }
    throw new IllegalStateException("timed out waiting for the agent to finish its reply");
  }

  @Override
  public void close() {
    loop.close();
  }

  /** Notes when a reply's first byte arrives, then reports it played and drained at once. */
  private final class InstantSpeaker implements AudioSink {
    private PlaybackListener listener;
    private long frames;
    volatile boolean armed;

    @Override
    public PcmFormat format() {
      return FORMAT;
    }

    @Override
    public void setListener(PlaybackListener listener) {
      this.listener = listener;
    }

    @Override
    public void play(byte[] pcm) {
      if (armed) {
        armed = false;
        try {
          firstAudio.put(System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      frames += pcm.length / 2;
    }

    void drain() {
      listener.onPlayback(new PlaybackEvent.Started(frames));
      listener.onPlayback(new PlaybackEvent.Drained(frames));
    }

    @Override
    public void stop() {}

    @Override
    public long framesPlayed() {
      return frames;
    }

    @Override
    public void close() {}
  }
}
