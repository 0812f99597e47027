package dev.turntable.agent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.Cancellable;
import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.conversation.FakeStreamingSynthesizer;
import dev.turntable.agent.time.ManualClock;
import dev.turntable.agent.time.ManualLoop;
import dev.turntable.agent.tts.SpeechSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryingStreamSynthesizerTest {
  private static final TtsEvent.Failed DROPPED =
      new TtsEvent.Failed("ElevenLabs closed the stream before the end of the audio (code 1006)", true);

  private final ManualClock clock = new ManualClock();
  private final ManualLoop loop = new ManualLoop(clock);
  private final List<TtsEvent> received = new ArrayList<>();

  /** A whole-text synthesizer, as the fallback provider is. */
  private final class WholeTextVoice implements SpeechSynthesizer {
    final List<String> texts = new ArrayList<>();

    @Override
    public PcmFormat format() {
      return primary.format();
    }

    @Override
    public Cancellable synthesize(String text, TtsListener listener) {
      texts.add(text);
      listener.onTts(new TtsEvent.Audio(new byte[320]));
      listener.onTts(new TtsEvent.Completed());
      return Cancellable.NONE;
    }
  }

  private final FakeStreamingSynthesizer primary = new FakeStreamingSynthesizer();

  private TextStream open(Optional<SpeechSynthesizer> fallback) {
    TextStream stream =
        new RetryingStreamSynthesizer(primary, fallback, RetryPolicy.DEFAULT, loop, clock).open(received::add);
    loop.runAll();
    return stream;
  }

  @Test
  void aStreamDroppedBeforeAnyAudioIsOpenedAgainWithEverythingWrittenSoFar() {
    TextStream reply = open(Optional.empty());
    reply.append("Tomorrow looks");
    reply.flush();
    primary.streams.get(0).listener.onTts(DROPPED);
    loop.runAll();
    reply.append(" sunny."); // written during the backoff
    loop.advance(1_000);

    assertThat(primary.streams).hasSize(2);
    FakeStreamingSynthesizer.Stream second = primary.streams.get(1);
    assertThat(second.sent).containsExactly("Tomorrow looks sunny.", "|");
    assertThat(second.finished).isFalse();

    reply.append(" Warm, too.");
    reply.finish();
    second.listener.onTts(new TtsEvent.Audio(new byte[320]));
    second.listener.onTts(new TtsEvent.Completed());
    loop.runAll();

    assertThat(second.sent).containsExactly("Tomorrow looks sunny.", "|", " Warm, too.");
    assertThat(second.finished).isTrue();
    assertThat(received).hasSize(3);
    assertThat(received.get(0)).isInstanceOfSatisfying(TtsEvent.Retrying.class,
        r -> assertThat(r.message()).startsWith("ElevenLabs closed the stream").contains("retrying in 250 ms"));
    assertThat(received.get(1)).isInstanceOf(TtsEvent.Audio.class);
    assertThat(received.get(2)).isInstanceOf(TtsEvent.Completed.class);
  }

  @Test
  void aStreamThatFailsAfterItsAudioBeganIsNotRepeated() {
    TextStream reply = open(Optional.empty());
    reply.append("Tomorrow looks sunny.");
    FakeStreamingSynthesizer.Stream first = primary.streams.get(0);
    first.listener.onTts(new TtsEvent.Words(List.of()));
    first.listener.onTts(DROPPED);
    loop.advance(10_000);

    assertThat(primary.streams).hasSize(1);
    assertThat(received).hasSize(2);
    assertThat(received.get(1)).isEqualTo(DROPPED);
  }

  @Test
  void aRefusalIsNotRetried() {
    open(Optional.empty());
    primary.streams.get(0).listener.onTts(new TtsEvent.Failed("ElevenLabs: invalid api key", false));
    loop.advance(10_000);

    assertThat(primary.streams).hasSize(1);
    assertThat(received).singleElement().isInstanceOf(TtsEvent.Failed.class);
  }

  @Test
  void theFallbackSpeaksTheWholeReplyOnceItIsWritten() {
    WholeTextVoice fallback = new WholeTextVoice();
    TextStream reply = open(Optional.of(fallback));
    reply.append("Tomorrow");
    for (int attempt = 0; attempt < RetryPolicy.DEFAULT.maxAttempts(); attempt++) {
      primary.streams.get(attempt).listener.onTts(DROPPED);
      loop.advance(1_000);
    }
    reply.append(" looks sunny.");
    assertThat(fallback.texts).as("not before the reply is written").isEmpty();

    reply.finish();
    loop.runAll();

    assertThat(fallback.texts).containsExactly("Tomorrow looks sunny.");
    assertThat(received.get(received.size() - 1)).isInstanceOf(TtsEvent.Completed.class);
    assertThat(received).filteredOn(TtsEvent.Retrying.class::isInstance).hasSize(3);
  }

  @Test
  void cancellingStopsTheCurrentAttemptAndNothingMoreIsDelivered() {
    TextStream reply = open(Optional.empty());
    reply.append("Tomorrow");
    reply.cancel();
    loop.runAll();
    primary.streams.get(0).listener.onTts(new TtsEvent.Audio(new byte[320]));
    loop.runAll();

    assertThat(primary.streams.get(0).cancelled).isTrue();
    assertThat(received).isEmpty();
  }

  @Test
  void connectsAheadThroughThePrimary() {
    new RetryingStreamSynthesizer(primary, Optional.empty(), RetryPolicy.DEFAULT, loop, clock).connectAhead();

    assertThat(primary.connectedAhead).isEqualTo(1);
  }
}
