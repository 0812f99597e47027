package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.AudioSink;
import dev.turntable.agent.audio.AudioSource;
import dev.turntable.agent.audio.PcmFormat;
import java.util.Arrays;
import java.util.Objects;

/**
 * Acoustic echo cancellation as an edge in front of the STT port: wrap the speaker and the
 * microphone, and the agent core is unchanged. The wrapped speaker hands every chunk it is given
 * (and the flush of a barge-in) to the far-end reference; the wrapped microphone cancels that
 * reference out of what it hears, 10 ms at a time, with WebRTC's AEC3.
 *
 * <pre>{@code
 * try (EchoCancellation aec = EchoCancellation.open(PcmFormat.STT, tts.format(), EchoTap.NONE)) {
 *   AudioSource mic = aec.microphone(JavaSoundMicrophone.open());
 *   AudioSink speaker = aec.speaker(JavaSoundSpeaker.open(tts.format()));
 *   ... new VoiceAgent(new VoiceAgent.Parts(mic, speaker, ...), ...)
 * }
 * }</pre>
 *
 * One instance serves one microphone and one speaker. Closing the microphone frees it too.
 */
public final class EchoCancellation implements AutoCloseable {
  private final WebRtcEchoCanceller canceller;
  private final FarEndReference reference;
  private final PcmFormat speakerFormat;
  private final EchoTap tap;

  private EchoCancellation(WebRtcEchoCanceller canceller, PcmFormat speakerFormat, EchoTap tap) {
    this.canceller = canceller;
    this.speakerFormat = speakerFormat;
    this.reference = new FarEndReference(speakerFormat);
    this.tap = tap;
  }

  /**
   * @param microphone the microphone's format (the STT format)
   * @param speaker the speaker's format (the TTS format); any multiple of 100 Hz
   * @param tap sees raw, reference and cleaned audio, e.g. for a recording
   * @throws EchoCancellerUnavailableException when the native library cannot load here; the
   *     message says why, for the user
   */
  public static EchoCancellation open(PcmFormat microphone, PcmFormat speaker, EchoTap tap)
      throws EchoCancellerUnavailableException {
    Objects.requireNonNull(tap, "tap");
    return new EchoCancellation(WebRtcEchoCanceller.open(microphone, speaker), speaker, tap);
  }

  /** Whether the native canceller loads on this machine: empty if so, else the reason. */
  public static java.util.Optional<String> unavailableReason() {
    try (EchoCancellation probe = open(PcmFormat.STT, PcmFormat.STT, EchoTap.NONE)) {
      return java.util.Optional.empty();
    } catch (EchoCancellerUnavailableException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  /** The microphone, echo-cancelled. Reads must be whole 10 ms frames (the agent reads 50 ms). */
  public AudioSource microphone(AudioSource raw) {
    return new EchoCancellingMicrophone(raw, reference, canceller, tap, this::close);
  }

  /** The speaker, feeding the far-end reference. Its format must be the one given to open. */
  public AudioSink speaker(AudioSink sink) {
    if (!sink.format().equals(speakerFormat)) {
      throw new IllegalArgumentException(
          "echo cancellation was opened for a " + speakerFormat + " speaker; this one plays " + sink.format());
    }
    return new EchoCancellingSpeaker(sink, reference);
  }

  public EchoStatistics statistics() {
    return canceller.statistics();
  }

  /**
   * Runs recorded audio through a fresh canceller: the raw microphone audio against the far-end
   * reference exactly as it was used, frame by frame. AEC3 is deterministic, so this gives back,
   * byte for byte, what the live session sent to STT.
   *
   * @param raw 16 kHz microphone audio as heard
   * @param farEnd the reference, one 10 ms frame per 10 ms of {@code raw}, at {@code speaker}'s rate
   */
  public static byte[] reprocess(byte[] raw, byte[] farEnd, PcmFormat speaker)
      throws EchoCancellerUnavailableException {
    try (WebRtcEchoCanceller aec = WebRtcEchoCanceller.open(PcmFormat.STT, speaker)) {
      int nearBytes = aec.nearFrameBytes();
      int farBytes = aec.farFrameBytes();
      int frames = (raw.length + nearBytes - 1) / nearBytes;
      if ((long) frames * farBytes > farEnd.length) {
        throw new IllegalArgumentException("the far-end reference holds " + farEnd.length / farBytes
            + " frames of 10 ms; the microphone audio needs " + frames);
      }
      byte[] out = new byte[frames * nearBytes];
      byte[] cleaned = new byte[nearBytes];
      for (int i = 0; i < frames; i++) {
        byte[] near = Arrays.copyOfRange(raw, i * nearBytes, (i + 1) * nearBytes); // pads the last
        byte[] far = Arrays.copyOfRange(farEnd, i * farBytes, (i + 1) * farBytes);
        aec.process(far, near, cleaned);
        System.arraycopy(cleaned, 0, out, i * nearBytes, nearBytes);
      }
      return Arrays.copyOf(out, raw.length);
    }
  }

  @Override
  public void close() {
    reference.flush();
    canceller.close();
  }
}
