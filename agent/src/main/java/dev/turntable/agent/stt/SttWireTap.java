package dev.turntable.agent.stt;

/**
 * Sees every frame on the STT connection, both ways, as it crosses the wire. The recorder uses it
 * to write {@code stt.jsonl}. Called on the adapter's threads; implementations must be fast and
 * thread-safe. Text is exactly what was sent or received; audio frames are counted, not copied.
 */
public interface SttWireTap {
  void connected(String redactedUrl);

  void sentText(String json);

  void sentAudio(byte[] pcm);

  void received(String json);

  void closed(int code, String reason, boolean remote);

  SttWireTap NONE =
      new SttWireTap() {
        @Override
        public void connected(String redactedUrl) {}

        @Override
        public void sentText(String json) {}

        @Override
        public void sentAudio(byte[] pcm) {}

        @Override
        public void received(String json) {}

        @Override
        public void closed(int code, String reason, boolean remote) {}
      };
}
