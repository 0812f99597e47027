package dev.turntable.harness.stubs;

import java.util.Arrays;
import java.util.Set;

/** Turns synthesized PCM into a TTS reply: streamed in paced chunks, or whole when ready. */
final class SpeechReplies {
  /** The PCM rates the stubs serve (ElevenLabs {@code pcm_*} and Cartesia {@code sample_rate}). */
  static final Set<Integer> SAMPLE_RATES = Set.of(8_000, 16_000, 22_050, 24_000, 44_100, 48_000);

  private final SpeechAudio audio;

  SpeechReplies(SpeechAudio audio) {
    this.audio = audio;
  }

  /**
   * Speech of {@code text} as raw S16LE at {@code sampleRate}. Synthesis time counts against the
   * first-byte delay, so a slow synthesizer does not make the stub slower than configured.
   */
  RenderedReply render(String text, int sampleRate, boolean streaming, ReplySettings settings) {
    long started = System.nanoTime();
    byte[] pcm = audio.pcm(text, sampleRate);
    long synthesisMillis = (System.nanoTime() - started) / 1_000_000;
    boolean cut = settings.cutAfter() != null;
    byte[] body = cut ? evenPrefix(pcm, settings.cutAfter()) : pcm;
    long firstByte = Math.max(0, settings.firstByteMillis() - synthesisMillis);
    double deliveryFactor = settings.millisPerAudioSecond() / 1000.0;
    DeliveryPlan plan;
    if (streaming) {
      plan = streamingPlan(firstByte, body.length, sampleRate, settings);
    } else {
      double audioMillis = body.length * 1000.0 / (2.0 * sampleRate);
      plan = DeliveryPlan.whole(firstByte + Math.round(audioMillis * deliveryFactor));
    }
    return new RenderedReply(RenderedReply.RAW_AUDIO, body, plan, cut);
  }

  /** Audio streamed in chunks of {@code audioChunkMillis}, the first byte at {@code firstByte}. */
  static DeliveryPlan streamingPlan(long firstByte, int bodyLength, int sampleRate, ReplySettings settings) {
    double chunkBytes = 2.0 * sampleRate * settings.audioChunkMillis() / 1000.0;
    double deliveryFactor = settings.millisPerAudioSecond() / 1000.0;
    return DeliveryPlan.streamed(firstByte, bodyLength, 1, chunkBytes, settings.audioChunkMillis() * deliveryFactor);
  }

  private static byte[] evenPrefix(byte[] pcm, double fraction) {
    int length = Math.max(2, (int) (pcm.length * fraction) & ~1);
    return Arrays.copyOf(pcm, Math.min(length, pcm.length));
  }
}
