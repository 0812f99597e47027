package dev.turntable.harness.stubs;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/** Turns synthesized PCM into a TTS reply: streamed in paced chunks, or whole when ready. */
final class SpeechReplies {
  /** The PCM rates the stubs serve (ElevenLabs {@code pcm_*} and Cartesia {@code sample_rate}). */
  static final Set<Integer> SAMPLE_RATES = Set.copyOf(SpeechFormat.SAMPLE_RATES);
  /** Not implemented here: the request is fine, this machine lacks the encoder. */
  private static final int NO_ENCODER_STATUS = 501;

  private final SpeechAudio audio;
  private final AudioEncoder encoder;

  SpeechReplies(SpeechAudio audio) {
    this(audio, AudioEncoder.fromPath());
  }

  SpeechReplies(SpeechAudio audio, AudioEncoder encoder) {
    this.audio = audio;
    this.encoder = encoder;
  }

  /**
   * Speech of {@code text} in {@code format}. Synthesis and encoding time count against the
   * first-byte delay, so a slow synthesizer does not make the stub slower than configured; a
   * stream is paced by audio duration, whatever the bytes per second of the format.
   *
   * @throws StubRejection when no encoder for the format is installed (HTTP 501, naming what to
   *     install) or the encoder fails (HTTP 500)
   */
  RenderedReply render(StubService service, String text, SpeechFormat format, boolean streaming,
      ReplySettings settings) throws StubRejection {
    long started = System.nanoTime();
    byte[] pcm = audio.pcm(text, format.sampleRate());
    boolean cut = settings.cutAfter() != null;
    byte[] spoken = cut ? evenPrefix(pcm, settings.cutAfter()) : pcm;
    byte[] body;
    try {
      body = encoder.encode(spoken, format);
    } catch (UnsupportedOperationException e) {
      throw StubRejection.of(service, NO_ENCODER_STATUS, e.getMessage());
    } catch (IOException e) {
      throw StubRejection.of(service, 500, "the Turntable stub could not encode " + format + ": " + e.getMessage());
    }
    long workMillis = (System.nanoTime() - started) / 1_000_000;
    long firstByte = Math.max(0, settings.firstByteMillis() - workMillis);
    double deliveryFactor = settings.millisPerAudioSecond() / 1000.0;
    double audioMillis = spoken.length * 1000.0 / (2.0 * format.sampleRate());
    DeliveryPlan plan;
    if (streaming) {
      plan = streamingPlan(firstByte, body.length, audioMillis, settings);
    } else {
      plan = DeliveryPlan.whole(firstByte + Math.round(audioMillis * deliveryFactor));
    }
    return new RenderedReply(format.isRawPcm() ? RenderedReply.RAW_AUDIO : format.contentType(), body, plan, cut);
  }

  /** Audio streamed in chunks of {@code audioChunkMillis}, the first byte at {@code firstByte}. */
  static DeliveryPlan streamingPlan(long firstByte, int bodyLength, int sampleRate, ReplySettings settings) {
    return streamingPlan(firstByte, bodyLength, bodyLength * 1000.0 / (2.0 * sampleRate), settings);
  }

  /**
   * The same for {@code bodyLength} bytes holding {@code audioMillis} of audio in any format: the
   * pace follows the audio, whatever the format's bytes per second.
   */
  static DeliveryPlan streamingPlan(long firstByte, int bodyLength, double audioMillis, ReplySettings settings) {
    double chunkBytes = audioMillis > 0 ? bodyLength / audioMillis * settings.audioChunkMillis() : 1;
    double deliveryFactor = settings.millisPerAudioSecond() / 1000.0;
    return DeliveryPlan.streamed(firstByte, bodyLength, 1, chunkBytes, settings.audioChunkMillis() * deliveryFactor);
  }

  private static byte[] evenPrefix(byte[] pcm, double fraction) {
    int length = Math.max(2, (int) (pcm.length * fraction) & ~1);
    return Arrays.copyOf(pcm, Math.min(length, pcm.length));
  }
}
