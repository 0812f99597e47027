package dev.turntable.harness.stubs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TTS stubs' audio: speech for a text at a sample rate, cached by (text, rate) because a
 * replay asks for the same sentences again and again.
 */
public final class SpeechAudio {
  private static final Logger LOG = LoggerFactory.getLogger(SpeechAudio.class);
  private static final int CACHE_ENTRIES = 256;

  private final SpeechRenderer renderer;
  private final ToneSpeech tone = new ToneSpeech();
  private final Map<Key, byte[]> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  private record Key(String text, int sampleRate) {}

  SpeechAudio(SpeechRenderer renderer) {
    this.renderer = renderer;
  }

  public static SpeechAudio create(SpeechEngine engine) {
    return switch (engine) {
      case TONE -> new SpeechAudio(new ToneSpeech());
      case AUTO -> new SpeechAudio(autoRenderer());
      case ESPEAK -> new SpeechAudio(EspeakSpeech.onPath().orElseThrow(() -> new IllegalStateException(
          "SpeechEngine.ESPEAK needs espeak-ng on the PATH and it is not there; install it"
              + " (apt-get install espeak-ng sox) or use SpeechEngine.AUTO or TONE")));
    };
  }

  private static SpeechRenderer autoRenderer() {
    Optional<EspeakSpeech> espeak = EspeakSpeech.onPath();
    if (espeak.isPresent()) {
      return espeak.get();
    }
    LOG.info("espeak-ng is not on the PATH: the TTS stubs answer with speech-length tones");
    return new ToneSpeech();
  }

  /** "espeak-ng+sox", "espeak-ng" or "tone". */
  public String engineName() {
    return renderer.name();
  }

  /** Mono S16LE PCM of {@code text} at {@code sampleRate}; the array is shared, do not modify it. */
  public byte[] pcm(String text, int sampleRate) {
    Key key = new Key(text, sampleRate);
    synchronized (cache) {
      byte[] cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    byte[] audio = synthesize(text, sampleRate);
    synchronized (cache) {
      cache.put(key, audio);
    }
    return audio;
  }

  private byte[] synthesize(String text, int sampleRate) {
    try {
      return renderer.render(text, sampleRate);
    } catch (IOException e) {
      // A stub must still answer: a tone of the right length keeps the session's timing intact.
      LOG.warn("{} failed ({}); answering with a tone of the same length instead", renderer.name(), e.getMessage());
      return tone.render(text, sampleRate);
    }
  }
}
