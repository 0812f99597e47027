package dev.turntable.harness.stubs;

import java.io.IOException;

/** Makes mono S16LE PCM of some text at a sample rate. */
interface SpeechRenderer {
  byte[] render(String text, int sampleRate) throws IOException;

  /** Short name for logs and reports: "espeak-ng", "tone". */
  String name();
}
