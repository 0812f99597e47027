package dev.turntable.agent.audio.aec;

/**
 * Sees every block the canceller processed, for a recorder: what the microphone heard, the far-end
 * reference it was cancelled against (at the speaker's rate), and what went on towards STT. Called
 * on the microphone thread; the arrays are only valid during the call.
 */
@FunctionalInterface
public interface EchoTap {
  EchoTap NONE = (raw, farEnd, cleaned, length) -> {};

  /**
   * @param raw the microphone's audio, {@code length} bytes
   * @param farEnd the reference, one 10 ms frame for each 10 ms of {@code raw} (a short last frame
   *     counts as a whole one)
   * @param cleaned the audio with the echo removed, {@code length} bytes
   */
  void processed(byte[] raw, byte[] farEnd, byte[] cleaned, int length);
}
