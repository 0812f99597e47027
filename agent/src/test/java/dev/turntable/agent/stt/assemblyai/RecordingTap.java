package dev.turntable.agent.stt.assemblyai;

import dev.turntable.agent.stt.SttWireTap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every tapped frame as one line, e.g. {@code sent-audio 1600}. */
final class RecordingTap implements SttWireTap {
  final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void connected(String redactedUrl) {
    lines.add("connected " + redactedUrl);
  }

  @Override
  public void sentText(String json) {
    lines.add("sent " + json);
  }

  @Override
  public void sentAudio(byte[] pcm) {
    lines.add("sent-audio " + pcm.length);
  }

  @Override
  public void received(String json) {
    lines.add("received " + json);
  }

  @Override
  public void closed(int code, String reason, boolean remote) {
    lines.add("closed " + code + (remote ? " remote" : " local"));
  }
}
