package dev.turntable.harness.replay;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.http.DeliveryGate;
import dev.turntable.agent.http.HttpErrorMessages;
import dev.turntable.agent.http.PcmFrameAligner;
import dev.turntable.agent.time.VirtualScheduler;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import dev.turntable.agent.tts.cartesia.CartesiaSynthesizer;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsSynthesizer;

/**
 * The TTS port on virtual time: each request takes the next reply for the provider's endpoint and
 * streams its raw PCM in at its recorded pace, in whole frames, as the HTTP adapters deliver it.
 */
final class VirtualSynthesizer implements SpeechSynthesizer {
  private final VirtualScheduler time;
  private final Replies replies;
  private final Providers.Tts provider;
  private final PcmFormat format;

  /** Where replies come from: recorded exchanges, or generated from a script. */
  interface Replies {
    HttpReply next(Providers.Tts provider, String text, PcmFormat format);
  }

  VirtualSynthesizer(VirtualScheduler time, Replies replies, Providers.Tts provider, PcmFormat format) {
    this.time = time;
    this.replies = replies;
    this.provider = provider;
    this.format = format;
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  @Override
  public Cancellable synthesize(String text, TtsListener listener) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text to synthesize is blank");
    }
    DeliveryGate<TtsEvent> gate = new DeliveryGate<>(listener::onTts);
    String name = provider == Providers.Tts.ELEVENLABS
        ? ElevenLabsSynthesizer.PROVIDER : CartesiaSynthesizer.PROVIDER;
    PcmFrameAligner aligner = new PcmFrameAligner(PcmFormat.BYTES_PER_FRAME);
    HttpReply reply = replies.next(provider, text, format);
    String url = "http://virtual.invalid" + reply.endpoint().substring(reply.endpoint().indexOf(' ') + 1);
    ReplyDelivery delivery = ReplyDelivery.start(time, reply, url, ReplyDelivery.receiver(
        bytes -> {
          byte[] frames = aligner.wholeFrames(bytes);
          if (frames.length > 0) {
            gate.deliver(new TtsEvent.Audio(frames));
          }
        },
        () -> gate.finish(new TtsEvent.Completed()),
        // As PcmHttpStream says on a socket: a rate limit or server error may pass on a retry.
        response -> gate.finish(new TtsEvent.Failed(
            HttpErrorMessages.forResponse(name, response, MockServices.PLACEHOLDER_KEY),
            HttpErrorMessages.retryable(response.code())))));
    return () -> {
      gate.close();
      delivery.cancel();
    };
  }
}
