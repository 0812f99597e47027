package dev.turntable.agent.http;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one HTTP request whose response body is raw PCM and delivers the audio as it arrives, in
 * whole 16-bit frames, on OkHttp's callback thread. Used by the HTTP text-to-speech adapters.
 */
public final class PcmHttpStream implements Callback {
  private static final Logger log = LoggerFactory.getLogger(PcmHttpStream.class);
  private static final long READ_SIZE = 8_192;

  private final String provider;
  private final String secret;
  private final DeliveryGate<TtsEvent> gate;

  private PcmHttpStream(String provider, String secret, DeliveryGate<TtsEvent> gate) {
    this.provider = provider;
    this.secret = secret;
    this.gate = gate;
  }

  /**
   * Starts {@code request}; {@code secret} is the API key it carries, redacted from any message.
   * Cancelling stops delivery at once and aborts the call.
   */
  public static Cancellable start(OkHttpClient http, Request request, String provider,
      String secret, TtsListener listener) {
    DeliveryGate<TtsEvent> gate = new DeliveryGate<>(listener::onTts);
    Call call = http.newCall(request);
    call.enqueue(new PcmHttpStream(provider, secret, gate));
    return () -> {
      gate.close();
      call.cancel();
    };
  }

  @Override
  public void onFailure(Call call, IOException failure) {
    if (gate.isOpen()) {
      gate.finish(failed(call, failure));
    }
  }

  @Override
  public void onResponse(Call call, Response response) {
    try (response) {
      if (!response.isSuccessful()) {
        gate.finish(new TtsEvent.Failed(
            HttpErrorMessages.forResponse(provider, response, secret),
            HttpErrorMessages.retryable(response.code())));
      } else if (isText(response.body().contentType())) {
        gate.finish(new TtsEvent.Failed(notAudio(response)));
      } else {
        readAudio(response.body().source());
      }
    } catch (IOException failure) {
      if (gate.isOpen()) {
        gate.finish(failed(call, failure));
      }
    }
  }

  private void readAudio(BufferedSource source) throws IOException {
    PcmFrameAligner aligner = new PcmFrameAligner(PcmFormat.BYTES_PER_FRAME);
    Buffer buffer = new Buffer();
    // read() returns whatever has arrived (up to READ_SIZE), so audio flows on as it streams in.
    while (gate.isOpen() && source.read(buffer, READ_SIZE) != -1) {
      byte[] frames = aligner.wholeFrames(buffer.readByteArray());
      if (frames.length > 0) {
        gate.deliver(new TtsEvent.Audio(frames));
      }
    }
    if (aligner.pendingBytes() > 0) {
      log.debug("{} audio ended with half a frame; dropped the odd byte", provider);
    }
    gate.finish(new TtsEvent.Completed());
  }

  private TtsEvent.Failed failed(Call call, IOException failure) {
    return new TtsEvent.Failed(
        HttpErrorMessages.forFailure(provider, call.request().url(), failure, secret), true);
  }

  private String notAudio(Response response) {
    String detail = "";
    try {
      detail = HttpErrorMessages.providerMessage(response.peekBody(READ_SIZE).string());
    } catch (IOException ignored) {
      // The content type alone explains the problem.
    }
    String text = provider + " answered with " + response.body().contentType()
        + " instead of audio" + (detail.isEmpty() ? "" : ": " + detail)
        + ". Check the output format and the base URL.";
    return Secrets.redact(text, secret);
  }

  private static boolean isText(MediaType type) {
    return type != null && ("text".equals(type.type()) || "json".equals(type.subtype()));
  }
}
