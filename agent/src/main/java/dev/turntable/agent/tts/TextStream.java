package dev.turntable.agent.tts;

import dev.turntable.agent.Cancellable;

/**
 * One reply being spoken while its text is still being written: text goes in as the LLM streams
 * it, audio comes out on the listener given to {@link StreamingSynthesizer#open}. The service
 * decides when it has enough text to speak well; {@link #flush()} asks it to speak what it has now.
 * Calls come from one thread (the conversation loop) and never block on the network.
 */
public interface TextStream extends Cancellable {
  /** More of the reply, exactly as written (tokens keep their leading spaces). */
  void append(String text);

  /** Speak everything appended so far without waiting for more text. */
  void flush();

  /**
   * No more text: the rest is spoken, then {@link TtsEvent.Completed} follows the last audio.
   * {@link #cancel()} instead stops at once, and nothing more is delivered.
   */
  void finish();
}
