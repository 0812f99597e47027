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

/**
 * A streaming TTS that logs what it was sent ("|" for a flush) and speaks when the test says.
 * Public for the tests of the decorators that wrap one.
 */
public final class FakeStreamingSynthesizer implements StreamingSynthesizer {
  public static final class Stream implements TextStream {
    public final TtsListener listener;
    public final List<String> sent = new ArrayList<>();
    public boolean finished;
    public boolean cancelled;

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

    public Stream audio(int frames) {
      listener.onTts(new TtsEvent.Audio(new byte[frames * PcmFormat.BYTES_PER_FRAME]));
      return this;
    }

    public Stream words(SpokenWord... words) {
      listener.onTts(new TtsEvent.Words(List.of(words)));
      return this;
    }

    public void done() {
      listener.onTts(new TtsEvent.Completed());
    }
  }

  public final List<Stream> streams = new ArrayList<>();
  public int connectedAhead;

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
  public void connectAhead() {
    connectedAhead++;
  }

  @Override
  public Cancellable synthesize(String text, TtsListener listener) {
    throw new AssertionError("a streaming TTS gets the reply through open(), not synthesize()");
  }

  public Stream last() {
    return streams.get(streams.size() - 1);
  }
}
