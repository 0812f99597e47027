package dev.turntable.agent.conversation;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.tts.SpokenWord;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;

/** A streaming TTS that logs what it was sent ("|" for a flush) and speaks when the test says. */
final class FakeStreamingSynthesizer implements StreamingSynthesizer {
  static final class Stream implements TextStream {
    final TtsListener listener;
    final List<String> sent = new ArrayList<>();
    boolean finished;
    boolean cancelled;

    Stream(TtsListener listener) {
      this.listener = listener;
    }

    @Override
    public void append(String text) {
      sent.add(text);
    }

    @Override
    public void flush() {
      sent.add("|");
    }

    @Override
    public void finish() {
      finished = true;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    Stream audio(int frames) {
      listener.onTts(new TtsEvent.Audio(new byte[frames * PcmFormat.BYTES_PER_FRAME]));
      return this;
    }

    Stream words(SpokenWord... words) {
      listener.onTts(new TtsEvent.Words(List.of(words)));
      return this;
    }

    void done() {
      listener.onTts(new TtsEvent.Completed());
    }
  }

  final List<Stream> streams = new ArrayList<>();

  @Override
  public PcmFormat format() {
    return FakeSynthesizer.FORMAT;
  }

  @Override
  public TextStream open(TtsListener listener) {
    Stream stream = new Stream(listener);
    streams.add(stream);
    return stream;
  }

  @Override
  public Cancellable synthesize(String text, TtsListener listener) {
    throw new AssertionError("a streaming TTS gets the reply through open(), not synthesize()");
  }

  Stream last() {
    return streams.get(streams.size() - 1);
  }
}
