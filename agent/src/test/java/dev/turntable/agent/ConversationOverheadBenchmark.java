package dev.turntable.agent;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent's own overhead per turn: end-of-turn message handed to the loop → first audio byte
 * written to the speaker, with LLM, TTS and speaker that answer instantly. Not part of the test
 * suite (the name does not end in Test); run it with
 * {@code mvn -pl agent test -Dtest=ConversationOverheadBenchmark}.
 */
class ConversationOverheadBenchmark {
  private static final int WARMUP = 5_000;
  private static final int TURNS = 20_000;
  private static final PcmFormat FORMAT = new PcmFormat(16_000);

  @Test
  void overheadPerTurn() throws Exception {
    SynchronousQueue<Long> firstAudio = new SynchronousQueue<>();
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
          public Cancellable synthesize(String text, dev.turntable.agent.tts.TtsListener listener) {
            listener.onTts(new TtsEvent.Audio(new byte[3200]));
            listener.onTts(new TtsEvent.Completed());
            return Cancellable.NONE;
          }
        };
    InstantSpeaker speaker = new InstantSpeaker(firstAudio);
    try (EventLoop loop = new EventLoop("bench-loop", Throwable::printStackTrace)) {
      Conversation conversation =
          new Conversation(ConversationSettings.defaults(), llm, tts, speaker, loop, Clock.system(), List.of(e -> {}));
      speaker.setListener(e -> loop.execute(() -> conversation.onPlayback(e)));
      long[] samples = new long[TURNS];
      for (int i = 0; i < WARMUP + TURNS; i++) {
        SttEvent.Turn turn = new SttEvent.Turn(i, "What is the answer number " + i + "?", true, List.of());
        speaker.armed = true;
        long start = System.nanoTime();
        loop.execute(() -> conversation.onStt(new SttEvent.TurnUpdate(turn)));
        Long end = firstAudio.poll(5, TimeUnit.SECONDS);
        assertThat(end).as("timed out waiting for first audio of turn %d", i).isNotNull();
        if (i >= WARMUP) {
          samples[i - WARMUP] = end - start;
        }
        waitUntilIdle(loop, conversation, speaker);
      }
      Arrays.sort(samples);
      System.out.printf(
          "agent overhead per turn (end-of-turn in -> first audio byte written), %d turns:"
              + " p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
          TURNS,
          samples[TURNS / 2] / 1e6,
          samples[(int) (TURNS * 0.99)] / 1e6,
          samples[TURNS - 1] / 1e6);
    }
  }

  /** Plays out the whole reply so the next turn starts from a listening agent. */
  private static void waitUntilIdle(EventLoop loop, Conversation conversation, InstantSpeaker speaker)
      throws Exception {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      java.util.concurrent.CompletableFuture<Boolean> idle = new java.util.concurrent.CompletableFuture<>();
      loop.execute(speaker::drain);
      loop.execute(() -> idle.complete(conversation.idle()));
      if (idle.get(5, TimeUnit.SECONDS)) {
        return;
      }
    }
    throw new AssertionError("timed out waiting for the agent to finish its reply");
  }

  /** Records when the first byte of a reply arrives, then reports it played and drained at once. */
  private static final class InstantSpeaker implements AudioSink {
    private final SynchronousQueue<Long> firstAudio;
    private PlaybackListener listener;
    private long frames;
    volatile boolean armed;

    InstantSpeaker(SynchronousQueue<Long> firstAudio) {
      this.firstAudio = firstAudio;
    }

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
        long now = System.nanoTime();
        try {
          firstAudio.put(now);
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
