package dev.turntable.harness.e2e;

/**
 * One time base for a live session: sample indexes of the microphone recording ({@code parec} on
 * vmic.monitor). The user's track, the agent's stream time (what {@code mic.wav} and every
 * {@code audio_ms} in {@code agent.jsonl} count) and the speaker recording are converted to it.
 *
 * <ul>
 *   <li>Track and stream → mic recording: the user's speech is found, bit-exact or by
 *       cross-correlation, both in mic.wav (the agent's own copy of vmic.monitor from its first
 *       read) and in the mic recording (another copy of the same source): to the sample.
 *   <li>Speaker recording ↔ mic recording: both monitors run on the one PulseAudio server's clock;
 *       the instants their sample 0s were captured are estimated on {@link System#nanoTime()} by
 *       each {@link MonitorRecording}, and their difference is the shift (to about a millisecond;
 *       the figure is printed).
 * </ul>
 *
 * @param trackInStream the stream sample index where the user's track starts
 * @param trackInMicRec the mic-recording index where the user's track starts
 * @param speakerShift subtract from a mic-recording index to get a speaker-recording index
 */
record TimeBase(int trackInStream, int trackInMicRec, int speakerShift) {
  static TimeBase of(int trackInStream, int trackInMicRec, long micStartNanos, long speakerStartNanos) {
    double samplesApart = (speakerStartNanos - micStartNanos) / 1e9 * 16_000;
    return new TimeBase(trackInStream, trackInMicRec, (int) Math.round(samplesApart));
  }

  int micRecFromTrack(int trackIndex) {
    return trackIndex + trackInMicRec;
  }

  /**
   * Where stream time {@code audioMs} (an agent.jsonl {@code audio_ms}) falls in the mic recording:
   * the instant the last audio the agent had read when the event happened was captured. The agent
   * read it a capture latency later, and the event came after that read, so the event is placed
   * early by that latency and a latency measured from it comes out long (conservative). The one
   * flattering error: {@code audio_ms} is taken when the event is written, so it may include one
   * more 50 ms frame read between the event's arrival and its line.
   */
  int micRecFromStream(long audioMs) {
    return Pcm.samplesFor(audioMs) - trackInStream + trackInMicRec;
  }

  int speakerFromMicRec(int micRecIndex) {
    return micRecIndex - speakerShift;
  }

  int micRecFromSpeaker(int speakerIndex) {
    return speakerIndex + speakerShift;
  }
}
