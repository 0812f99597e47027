package dev.turntable.harness.replay;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.harness.mockstt.Utterance;
import dev.turntable.harness.stubs.SpeechAudio;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** The microphone of a scripted conversation, and where each line's voice lies in it. */
final class ScriptedMic {
  private static final int SILENCE_THRESHOLD = 300;

  private ScriptedMic() {}

  /** The microphone: silence, each line spoken at its time, then the tail. */
  static byte[] compose(
      ConversationScript conversation, SpeechAudio speech, List<Utterance> utterances) {
    ByteArrayOutputStream mic = new ByteArrayOutputStream();
    PcmFormat format = PcmFormat.STT;
    for (ConversationScript.UserLine line : conversation.user()) {
      long nowMs = (long) format.millisForBytes(mic.size());
      if (line.atMs() < nowMs) {
        throw new IllegalArgumentException(
            "\"" + line.text() + "\" at " + line.atMs() + " ms starts before the previous line ends at " + nowMs + " ms");
      }
      mic.writeBytes(new byte[format.bytesForMillis(line.atMs() - nowMs)]);
      byte[] voice = trimSilence(speech.pcm(line.text(), format.sampleRate()));
      long endMs = line.atMs() + (long) format.millisForBytes(voice.length);
      utterances.add(new Utterance(line.text(), line.atMs(), endMs));
      mic.writeBytes(voice);
    }
    mic.writeBytes(new byte[format.bytesForMillis(conversation.tailMs())]);
    // Whole 50 ms frames, so what the agent sends to STT is exactly mic.wav.
    int frame = format.bytesForMillis(50);
    mic.writeBytes(new byte[(frame - mic.size() % frame) % frame]);
    return mic.toByteArray();
  }

  /** espeak-ng pads its output; the utterance's times must be those of the voice itself. */
  static byte[] trimSilence(byte[] pcm) {
    int frames = pcm.length / 2;
    int first = 0;
    while (first < frames && Math.abs(sample(pcm, first)) < SILENCE_THRESHOLD) {
      first++;
    }
    int last = frames - 1;
    while (last > first && Math.abs(sample(pcm, last)) < SILENCE_THRESHOLD) {
      last--;
    }
    return java.util.Arrays.copyOfRange(pcm, first * 2, (last + 1) * 2);
  }

  private static int sample(byte[] pcm, int frame) {
    return (short) ((pcm[2 * frame] & 0xff) | (pcm[2 * frame + 1] << 8));
  }
}
