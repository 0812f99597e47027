package dev.turntable.agent.retry;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.time.Clock;
import dev.turntable.agent.time.LoopScheduler;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link StreamingSynthesizer} whose replies survive a dropped connection. A stream that fails
 * before any audio with a retryable error (the socket dropped, the server failed or went away) is
 * opened again per the {@link RetryPolicy} and given all the text written so far; the LLM's tokens
 * keep flowing into whichever stream is current. Then the fallback synthesizer, which takes whole
 * texts, speaks the reply once it is written. Nothing is retried once audio or its words have been
 * delivered: the user has heard part of the reply.
 */
public final class RetryingStreamSynthesizer implements StreamingSynthesizer {
  private final StreamingSynthesizer primary;
  private final RetryingSynthesizer retries;

  /** @throws IllegalArgumentException when the fallback speaks another PCM format */
  public RetryingStreamSynthesizer(
      StreamingSynthesizer primary,
      Optional<SpeechSynthesizer> fallback,
      RetryPolicy policy,
      LoopScheduler loop,
      Clock clock) {
    this.primary = primary;
    this.retries = new RetryingSynthesizer(primary, fallback, policy, loop, clock);
  }

  @Override
  public PcmFormat format() {
    return primary.format();
  }

  @Override
  public void connectAhead() {
    primary.connectAhead();
  }

  @Override
  public TextStream open(TtsListener listener) {
    WrittenText text = new WrittenText();
    List<Function<Consumer<TtsEvent>, Cancellable>> providers = new ArrayList<>();
    providers.add(out -> text.streamInto(primary.open(out::accept)));
    retries.fallback().ifPresent(
        other -> providers.add(out -> text.whenFinished(whole -> other.synthesize(whole, out::accept), out)));
    text.call = retries.call(providers, listener);
    return text;
  }

  /**
   * The reply's text as written so far, and the attempt it currently goes to. Written on the
   * conversation's loop, attempts opened on the retry loop: both under this object's lock.
   */
  private static final class WrittenText implements TextStream {
    private final StringBuilder written = new StringBuilder();
    private boolean flushed;
    private boolean finished;
    private boolean cancelled;
    private TextStream current; // the open attempt's stream, or null
    private Function<String, Cancellable> fallback; // waiting for the whole text, or null
    private Consumer<TtsEvent> fallbackOut;
    private Cancellable fallbackCall = Cancellable.NONE;
    private volatile Cancellable call = Cancellable.NONE;

    /** A new attempt's stream gets everything written so far, then what comes after. */
    synchronized TextStream streamInto(TextStream stream) {
      current = stream;
      if (written.length() > 0) {
        stream.append(written.toString());
      }
      if (flushed) {
        stream.flush();
      }
      if (finished) {
        stream.finish();
      }
      return stream;
    }

    /** The fallback takes whole texts: it starts once the reply is written. */
    synchronized Cancellable whenFinished(Function<String, Cancellable> speak, Consumer<TtsEvent> out) {
      current = null;
      fallback = speak;
      fallbackOut = out;
      if (finished) {
        startFallback();
      }
      return () -> {
        synchronized (this) {
          fallback = null;
          fallbackCall.cancel();
        }
      };
    }

    private void startFallback() {
      Function<String, Cancellable> speak = fallback;
      fallback = null;
      if (speak == null || cancelled) {
        return;
      }
      try {
        fallbackCall = speak.apply(written.toString());
      } catch (RuntimeException e) {
        fallbackOut.accept(new TtsEvent.Failed(e.toString()));
      }
    }

    @Override
    public synchronized void append(String text) {
      written.append(text);
      if (current != null) {
        current.append(text);
      }
    }

    @Override
    public synchronized void flush() {
      flushed = true;
      if (current != null) {
        current.flush();
      }
    }

    @Override
    public synchronized void finish() {
      finished = true;
      if (current != null) {
        current.finish();
      } else {
        startFallback();
      }
    }

    @Override
    public void cancel() {
      synchronized (this) {
        cancelled = true;
      }
      call.cancel(); // cancels the current attempt's stream or fallback call
    }
  }
}
