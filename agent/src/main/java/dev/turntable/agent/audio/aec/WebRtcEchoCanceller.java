package dev.turntable.agent.audio.aec;

import dev.turntable.agent.audio.PcmFormat;
import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioProcessingStats;
import dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig;

/**
 * WebRTC's acoustic echo canceller (AEC3) through webrtc-java's {@link AudioProcessing}. One call
 * handles one 10 ms step: first what the speaker was given (the far end), then what the microphone
 * heard (the near end), which comes back with the echo removed. Only echo cancellation is on: noise
 * suppression and gain control would change the user's voice for STT, which is not this edge's job.
 *
 * <p>Not thread-safe: one thread (the microphone's) drives it. AEC3 keeps no hidden clock, so the
 * same frames in the same order give the same output, which is what lets a fixture's raw mic and
 * far-end reference reproduce its cleaned mic exactly.
 */
final class WebRtcEchoCanceller implements AutoCloseable {
  /** Frames per second: AEC3 processes 10 ms at a time. */
  static final int FRAMES_PER_SECOND = 100;
  /**
   * Told to APM as the render-to-capture delay. AEC3 finds the real delay itself; without a value
   * APM reports every frame as a "stream parameter not set" warning.
   */
  private static final int NOMINAL_DELAY_MS = 0;
  /**
   * Far-end silence after which the next sound gets a fresh canceller: the pause between two
   * replies. Measured on the virtual devices, the output's start latency differs from one playback
   * to the next by up to 20 ms, always the same within one. AEC3 follows an echo that comes later
   * than the delay it converged on, but not one that comes earlier: that echo passed through at
   * about its full level for whole replies, and the agent interrupted itself. A fresh AEC3, which
   * suppresses hard until it has found the echo, cancelled every first reply from its first 10 ms
   * on. The rule reads only the far end, so a recording's reference reproduces the same resets.
   */
  static final int FRESH_AFTER_SILENCE_MS = 400;

  private AudioProcessing apm;
  private final AudioProcessingStreamConfig near;
  private final AudioProcessingStreamConfig far;
  private final byte[] farOut;
  private final int nearFrameBytes;
  private final int farFrameBytes;
  private long frames;
  private long silentFarFrames;
  private boolean closed;

  private WebRtcEchoCanceller(AudioProcessing apm, PcmFormat nearFormat, PcmFormat farFormat) {
    this.apm = apm;
    this.near = new AudioProcessingStreamConfig(nearFormat.sampleRate(), 1);
    this.far = new AudioProcessingStreamConfig(farFormat.sampleRate(), 1);
    this.nearFrameBytes = frameBytes(nearFormat);
    this.farFrameBytes = frameBytes(farFormat);
    this.farOut = new byte[farFrameBytes];
  }

  /**
   * @throws EchoCancellerUnavailableException when the native library does not load here, or a
   *     rate does not split into 10 ms frames
   */
  static WebRtcEchoCanceller open(PcmFormat nearFormat, PcmFormat farFormat)
      throws EchoCancellerUnavailableException {
    requireTenMillisecondFrames("microphone", nearFormat);
    requireTenMillisecondFrames("speaker", farFormat);
    AudioProcessing apm;
    try {
      apm = newApm();
    } catch (LinkageError | RuntimeException e) {
      // The library loads in a static initialiser: its failure surfaces as one of these.
      throw EchoCancellerUnavailableException.nativeLibrary(e);
    }
    return new WebRtcEchoCanceller(apm, nearFormat, farFormat);
  }

  private static AudioProcessing newApm() {
    AudioProcessing apm = new AudioProcessing();
    AudioProcessingConfig config = new AudioProcessingConfig();
    config.echoCanceller.enabled = true;
    config.echoCanceller.enforceHighPassFiltering = true;
    config.noiseSuppression.enabled = false;
    config.gainControl.enabled = false;
    apm.applyConfig(config);
    return apm;
  }

  static int frameBytes(PcmFormat format) {
    return format.sampleRate() / FRAMES_PER_SECOND * PcmFormat.BYTES_PER_FRAME;
  }

  private static void requireTenMillisecondFrames(String what, PcmFormat format)
      throws EchoCancellerUnavailableException {
    if (format.sampleRate() % FRAMES_PER_SECOND != 0) {
      throw EchoCancellerUnavailableException.unsupportedRate(what, format.sampleRate());
    }
  }

  int nearFrameBytes() {
    return nearFrameBytes;
  }

  int farFrameBytes() {
    return farFrameBytes;
  }

  /**
   * One 10 ms step.
   *
   * @param farEnd what the speaker was given during this step (zeros when it was silent)
   * @param nearEnd what the microphone heard
   * @param cleaned receives the microphone's audio with the echo removed
   * @return false once closed: the native object is gone and nothing was processed
   */
  synchronized boolean process(byte[] farEnd, byte[] nearEnd, byte[] cleaned) {
    if (closed) {
      return false;
    }
    if (silent(farEnd)) {
      silentFarFrames++;
    } else {
      if (silentFarFrames >= FRESH_AFTER_SILENCE_MS / 10 && frames > silentFarFrames) {
        apm.dispose();
        apm = newApm();
      }
      silentFarFrames = 0;
    }
    check(apm.processReverseStream(farEnd, far, far, farOut), "far-end");
    apm.setStreamDelayMs(NOMINAL_DELAY_MS);
    check(apm.processStream(nearEnd, near, near, cleaned), "near-end");
    frames++;
    return true;
  }

  private boolean silent(byte[] frame) {
    for (int i = 0; i < farFrameBytes; i++) {
      if (frame[i] != 0) {
        return false;
      }
    }
    return true;
  }

  synchronized EchoStatistics statistics() {
    if (closed) {
      return new EchoStatistics(0, 0, -1, 0, frames);
    }
    AudioProcessingStats stats = apm.getStatistics();
    return new EchoStatistics(
        stats.echoReturnLoss,
        stats.echoReturnLossEnhancement,
        stats.delayMs,
        stats.residualEchoLikelihood,
        frames);
  }

  private static void check(int code, String stream) {
    if (code != 0) {
      throw new IllegalStateException("WebRTC audio processing refused a " + stream + " frame: error " + code);
    }
  }

  /** Frees the native object; a frame being processed on another thread finishes first. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      apm.dispose();
    }
  }
}
