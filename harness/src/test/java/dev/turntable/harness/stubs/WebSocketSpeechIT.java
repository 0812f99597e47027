package dev.turntable.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.agent.tts.SpokenWord;
import dev.turntable.agent.tts.StreamingSynthesizer;
import dev.turntable.agent.tts.TextStream;
import dev.turntable.agent.tts.TtsEvent;
import dev.turntable.agent.tts.cartesia.CartesiaOptions;
import dev.turntable.agent.tts.cartesia.CartesiaStreamSynthesizer;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsOptions;
import dev.turntable.agent.tts.elevenlabs.ElevenLabsStreamSynthesizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's WebSocket TTS adapters against the WebSocket stubs, over real loopback sockets. */
class WebSocketSpeechIT {
  private static final List<String> TOKENS =
      List.of("Sure", ",", " here", " is", " the", " answer", ".", " It", " has", " two", " parts", ".");

  private ServiceStubs stubs;

  @BeforeEach
  void start() {
    stubs =
        new ServiceStubs(
                StubOptions.defaults().withTiming(StubTiming.INSTANT).withSpeech(SpeechEngine.TONE))
            .start();
  }

  @AfterEach
  void stop() {
    stubs.close();
  }

  private StreamingSynthesizer elevenLabs(String outputRate) {
    var options = new ElevenLabsOptions(stubs.elevenLabsBaseUrl(), "test-key", "voice-1", null,
        Integer.parseInt(outputRate));
    return new ElevenLabsStreamSynthesizer(options, URI.create(stubs.elevenLabsWebSocketUrl()));
  }

  private StreamingSynthesizer cartesia() {
    var options = new CartesiaOptions(stubs.cartesiaBaseUrl(), "test-key", null, null, "voice-1", 16_000);
    return new CartesiaStreamSynthesizer(options, URI.create(stubs.cartesiaWebSocketUrl()));
  }

  @Test
  void elevenLabsSpeaksStreamedTokensWithWordAlignment() throws Exception {
    Received received = speak(elevenLabs("16000"));
    assertThat(received.audioBytes).isPositive();
    assertThat(received.words()).containsExactly(
        "Sure,", "here", "is", "the", "answer.", "It", "has", "two", "parts.");
    assertThat(received.ordered()).isTrue();
  }

  @Test
  void cartesiaSpeaksContinuationsWithWordTimestampsAndKeepsItsConnection() throws Exception {
    StreamingSynthesizer tts = cartesia();
    Received first = speak(tts);
    Received second = speak(tts);
    for (Received received : List.of(first, second)) {
      assertThat(received.audioBytes).isPositive();
      assertThat(received.words()).containsExactly(
          "Sure,", "here", "is", "the", "answer.", "It", "has", "two", "parts.");
      assertThat(received.ordered()).isTrue();
    }
  }

  @Test
  void aCancelledCartesiaContextSendsNothingMoreAndTheNextOneIsAnswered() throws Exception {
    StreamingSynthesizer tts = cartesia();
    BlockingQueue<TtsEvent> events = new LinkedBlockingQueue<>();
    TextStream stream = tts.open(events::add);
    stream.append("This reply will be cut short. ");
    stream.flush();
    assertThat(next(events, "first audio")).isInstanceOf(TtsEvent.Audio.class);
    stream.cancel();
    stream.finish(); // a late finish after the cancel must not revive the context

    Received next = speak(tts);
    assertThat(next.audioBytes).isPositive();
    assertThat(events.stream().filter(TtsEvent.Completed.class::isInstance)).isEmpty();
  }

  @Test
  void elevenLabsReportsARefusedConnectionWithoutShowingTheKey() throws Exception {
    var options = new ElevenLabsOptions(stubs.elevenLabsBaseUrl(), "test-key", "voice-1", null, 16_000);
    URI base = URI.create(stubs.elevenLabsWebSocketUrl());
    StreamingSynthesizer wrongPath =
        new ElevenLabsStreamSynthesizer(options, URI.create(base + "/bad-path"));
    BlockingQueue<TtsEvent> events = new LinkedBlockingQueue<>();
    TextStream stream = wrongPath.open(events::add);
    stream.append("Hello.");
    stream.finish();
    TtsEvent event = next(events, "the failure");
    assertThat(event).isInstanceOf(TtsEvent.Failed.class);
    assertThat(((TtsEvent.Failed) event).message()).contains("ElevenLabs").doesNotContain("test-key");
  }

  private Received speak(StreamingSynthesizer tts) throws InterruptedException {
    BlockingQueue<TtsEvent> events = new LinkedBlockingQueue<>();
    TextStream stream = tts.open(events::add);
    for (String token : TOKENS) {
      stream.append(token);
    }
    stream.flush();
    stream.finish();
    Received received = new Received();
    for (TtsEvent event = next(events, "audio, words or completion");
        !(event instanceof TtsEvent.Completed);
        event = next(events, "completion")) {
      if (event instanceof TtsEvent.Failed failed) {
        throw new AssertionError("TTS failed: " + failed.message());
      } else if (event instanceof TtsEvent.Audio audio) {
        received.audioBytes += audio.pcm().length;
      } else if (event instanceof TtsEvent.Words words) {
        received.words.addAll(words.words());
      }
    }
    return received;
  }

  private static TtsEvent next(BlockingQueue<TtsEvent> events, String what) throws InterruptedException {
    TtsEvent event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("timed out waiting for " + what);
    }
    return event;
  }

  private static final class Received {
    long audioBytes;
    final List<SpokenWord> words = new ArrayList<>();

    List<String> words() {
      return words.stream().map(SpokenWord::text).toList();
    }

    boolean ordered() {
      for (int i = 1; i < words.size(); i++) {
        if (words.get(i).startMs() < words.get(i - 1).endMs() - 1) {
          return false;
        }
      }
      return !words.isEmpty() && words.get(words.size() - 1).endMs() <= audioBytes / 32.0 + 1;
    }
  }
}
