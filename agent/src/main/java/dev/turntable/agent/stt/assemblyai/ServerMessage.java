package dev.turntable.agent.stt.assemblyai;

import dev.turntable.agent.stt.SttEvent;

/** One text frame from AssemblyAI, as the adapter acts on it. */
sealed interface ServerMessage {

  /** Begin, SpeechStarted, Turn or Termination: handed to the listener. */
  record Event(SttEvent event) implements ServerMessage {}

  /** An Error frame; it precedes an error close and explains it better than the close reason. */
  record ServerError(int code, String text) implements ServerMessage {}

  /** Anything the agent does not use: SpeakerRevision, Warning, Heartbeat, new types. */
  record Ignored(String type, String why) implements ServerMessage {}
}
