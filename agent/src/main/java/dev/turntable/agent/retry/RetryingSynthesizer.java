package dev.turntable.agent.retry;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link SpeechSynthesizer} that retries a failed or stalled segment per its {@link
 * RetryPolicy}, then hands it to the fallback synthesizer (same PCM format, another voice), and only
 * then reports the failure. Nothing is retried once audio has been delivered.
 */
public final class RetryingSynthesizer implements SpeechSynthesizer {
  /** Audio, or words aligned with it, reached the user: a retry would repeat them. */
  private static final StreamEvents<TtsEvent> EVENTS =
      new StreamEvents<>() {
        @Override
        public boolean isContent(TtsEvent event) {
          return event instanceof TtsEvent.Audio || event instanceof TtsEvent.Words;
        }

        @Override
        public Failure failure(TtsEvent event) {
          return event instanceof TtsEvent.Failed f ? new Failure(f.message(), f.retryable()) : null;
        }

        @Override
        public TtsEvent failed(String message, boolean retryable) {
          return new TtsEvent.Failed(message, retryable);
        }

        @Override
        public TtsEvent retrying(String message) {
          return new TtsEvent.Retrying(message);
        }
      };

  private final SpeechSynthesizer primary;
  private final Optional<SpeechSynthesizer> fallback;
  private final RetryPolicy policy;
  private final LoopScheduler loop;
  private final Clock clock;

  public RetryingSynthesizer(
      SpeechSynthesizer primary,
      Optional<SpeechSynthesizer> fallback,
      RetryPolicy policy,
      LoopScheduler loop,
      Clock clock) {
    fallback.ifPresent(
        other -> {
          if (!other.format().equals(primary.format())) {
            throw new IllegalArgumentException(
                "the fallback synthesizer produces " + other.format() + ", not " + primary.format());
          }
        });
    this.primary = primary;
    this.fallback = fallback;
    this.policy = policy;
    this.loop = loop;
    this.clock = clock;
  }

  @Override
  public PcmFormat format() {
    return primary.format();
  }

  @Override
  public Cancellable synthesize(String text, TtsListener listener) {
    List<Function<Consumer<TtsEvent>, Cancellable>> providers = new ArrayList<>();
    providers.add(out -> primary.synthesize(text, out::accept));
    fallback.ifPresent(other -> providers.add(out -> other.synthesize(text, out::accept)));
    return call(providers, listener);
  }

  Optional<SpeechSynthesizer> fallback() {
    return fallback;
  }

  /** One request over these providers' attempts, per this synthesizer's policy. */
  Cancellable call(List<Function<Consumer<TtsEvent>, Cancellable>> providers, TtsListener listener) {
    return new RetriedCall<>(providers, policy, loop, clock, EVENTS, listener::onTts).start();
  }
}
