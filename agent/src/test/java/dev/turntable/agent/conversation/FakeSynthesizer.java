package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;

/** A TTS whose audio the test delivers: {@code frames} of silence per chunk. */
final class FakeSynthesizer implements SpeechSynthesizer {
  static final PcmFormat FORMAT = new PcmFormat(16_000);

  static final class Request {
    final String text;
    final TtsListener listener;
    boolean cancelled;

    Request(String text, TtsListener listener) {
      this.text = text;
      this.listener = listener;
    }

    Request audio(int frames) {
      listener.onTts(new TtsEvent.Audio(new byte[frames * PcmFormat.BYTES_PER_FRAME]));
      return this;
    }

    void done() {
      listener.onTts(new TtsEvent.Completed());
    }
  }

  final List<Request> requests = new ArrayList<>();

  @Override
  public PcmFormat format() {
    return FORMAT;
  }

  @Override
  public Cancellable synthesize(String text, TtsListener listener) {
    Request request = new Request(text, listener);
    requests.add(request);
    return () -> request.cancelled = true;
  }

  Request last() {
    return requests.get(requests.size() - 1);
  }

  List<String> texts() {
    return requests.stream().map(r -> r.text).toList();
  }
}
