package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;

/** The state of one TTS WebSocket connection on the stub. */
interface SpeechSocketSession {
  /** A JSON text message from the client, on a server worker thread. */
  void onText(JsonNode message);

  /** The connection closed, from either side: nothing more may be sent. */
  void closed();
}
