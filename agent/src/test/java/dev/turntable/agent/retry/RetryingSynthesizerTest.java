package dev.turntable.agent.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.time.ManualLoop;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryingSynthesizerTest {
  private final ManualClock clock = new ManualClock();
  private final ManualLoop loop = new ManualLoop(clock);
  private final List<TtsEvent> received = new ArrayList<>();

  private static final class Voice implements SpeechSynthesizer {
    final PcmFormat format;
    final List<Boolean> answers; // true: audio, false: HTTP 429
    int calls;

    Voice(int rate, Boolean... answers) {
      this.format = new PcmFormat(rate);
      this.answers = List.of(answers);
    }

    @Override
    public PcmFormat format() {
      return format;
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
      if (answers.get(Math.min(calls++, answers.size() - 1))) {
        listener.onTts(new TtsEvent.Audio(new byte[320]));
        listener.onTts(new TtsEvent.Completed());
      } else {
        listener.onTts(new TtsEvent.Failed("HTTP 429", true));
      }
      return Cancellable.NONE;
    }
  }

  @Test
  void aRateLimitedSegmentIsRetriedAndSpoken() {
    Voice primary = new Voice(16_000, false, true);
    new RetryingSynthesizer(primary, Optional.empty(), RetryPolicy.DEFAULT, loop, clock)
        .synthesize("Hello.", received::add);
    loop.advance(10_000);
    assertThat(primary.calls).isEqualTo(2);
    assertThat(received).hasSize(3);
    assertThat(received.get(0)).isInstanceOf(TtsEvent.Retrying.class);
    assertThat(received.get(2)).isInstanceOf(TtsEvent.Completed.class);
  }

  @Test
  void theFallbackVoiceSpeaksWhenThePrimaryKeepsFailing() {
    Voice primary = new Voice(16_000, false);
    Voice fallback = new Voice(16_000, true);
    new RetryingSynthesizer(primary, Optional.of(fallback), RetryPolicy.DEFAULT, loop, clock)
        .synthesize("Hello.", received::add);
    loop.advance(10_000);
    assertThat(primary.calls).isEqualTo(3);
    assertThat(fallback.calls).isEqualTo(1);
    assertThat(received.get(received.size() - 1)).isInstanceOf(TtsEvent.Completed.class);
  }

  @Test
  void aFallbackInAnotherFormatIsRefused() {
    assertThatThrownBy(
            () ->
                new RetryingSynthesizer(
                    new Voice(16_000, true), Optional.of(new Voice(24_000, true)), RetryPolicy.DEFAULT, loop, clock))
        .hasMessageContaining("fallback synthesizer produces");
  }
}
