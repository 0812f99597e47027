package dev.turntable.agent.stt;

/**
 * Streaming speech recognition. Audio goes in as it is captured; {@link SttEvent}s come out on the
 * adapter's own thread, in order.
 */
public interface SpeechToText extends AutoCloseable {
  /** Connects and starts delivering events. Returns once the connection attempt has been made. */
  void start(SttListener listener);

  /** Sends one frame of PCM in the format the session was opened with. Never blocks for long. */
  void sendAudio(byte[] pcm);

  /** Asks the service to end the current turn now. */
  void forceEndpoint();

  /** Changes turn-detection or prompting settings mid-session. */
  void updateConfiguration(SttConfigUpdate update);

  /** Ends the session cleanly (Terminate, then a bounded wait for Termination) and disconnects. */
  @Override
  void close();
}
