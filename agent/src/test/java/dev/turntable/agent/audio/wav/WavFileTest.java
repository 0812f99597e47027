package dev.turntable.agent.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turntable.agent.audio.PcmFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavFileTest {
  @TempDir Path dir;

  static byte[] ramp(int frames) {
    ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      pcm.putShort((short) (i * 37 - 20_000));
    }
    return pcm.array();
  }

  @Test
  void writtenAudioReadsBackIdentical() throws IOException {
    WavAudio audio = new WavAudio(PcmFormat.STT, ramp(16_000));
    Path file = dir.resolve("ramp.wav");

    WavFile.write(file, audio);

    assertThat(WavFile.read(file)).isEqualTo(audio);
    assertThat(Files.size(file)).isEqualTo(44 + 32_000);
  }

  @Test
  void writtenFileIsAStandardWavForJavaSound() throws Exception {
    Path file = dir.resolve("standard.wav");
    WavFile.write(file, new WavAudio(new PcmFormat(24_000), ramp(2_400)));

    AudioFileFormat parsed = AudioSystem.getAudioFileFormat(file.toFile());

    assertThat(parsed.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
    assertThat(parsed.getFormat().getSampleRate()).isEqualTo(24_000f);
    assertThat(parsed.getFormat().getChannels()).isEqualTo(1);
    assertThat(parsed.getFrameLength()).isEqualTo(2_400);
  }

  @Test
  void readsFilesWrittenByJavaSound() throws Exception {
    byte[] pcm = ramp(1_000);
    Path file = dir.resolve("javasound.wav");
    AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, 1_000),
        AudioFileFormat.Type.WAVE, file.toFile());

    assertThat(WavFile.read(file, PcmFormat.STT).pcm()).isEqualTo(pcm);
  }

  @ParameterizedTest(name = "data size {0}")
  @ValueSource(longs = {0L, 0xFFFF_FFFFL})
  void unfinalisedSizesMeanTheDataRunsToTheEndOfTheFile(long sentinel) throws IOException {
    Path file = dir.resolve("unfinalised.wav");
    byte[] pcm = ramp(500);
    WavFile.write(file, new WavAudio(PcmFormat.STT, pcm));
    overwriteInt(file, WavHeader.RIFF_SIZE_OFFSET, sentinel);
    overwriteInt(file, WavHeader.DATA_SIZE_OFFSET, sentinel);

    assertThat(WavFile.read(file).pcm()).isEqualTo(pcm);
  }

  @Test
  void aDataSizeBeyondTheFileIsCutToWhatIsThere() throws IOException {
    Path file = dir.resolve("cut.wav");
    byte[] pcm = ramp(500);
    WavFile.write(file, new WavAudio(PcmFormat.STT, pcm));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(44 + 601); // mid-frame: the half sample is dropped
    }

    assertThat(WavFile.read(file).pcm()).isEqualTo(Arrays.copyOf(pcm, 600));
  }

  @Test
  void flushLeavesAReadableFileWhileStillWriting() throws IOException {
    Path file = dir.resolve("live.wav");
    byte[] first = ramp(300);
    try (WavWriter writer = WavWriter.create(file, PcmFormat.STT)) {
      writer.write(first);
      writer.flush();

      assertThat(WavFile.read(file).pcm()).isEqualTo(first);

      writer.write(ramp(100));
      assertThat(writer.dataBytes()).isEqualTo(800);
    }
    assertThat(WavFile.read(file).frames()).isEqualTo(400);
  }

  @Test
  void aWriterThatNeverFlushedStillLeavesAHeaderAndTheWrittenData() throws IOException {
    Path file = dir.resolve("crashed.wav");
    WavWriter writer = WavWriter.create(file, PcmFormat.STT);
    byte[] big = ramp(40_000); // more than the writer's buffer, so some of it reached the file

    writer.write(big);

    WavAudio salvaged = WavFile.read(file);
    assertThat(salvaged.frames()).isPositive().isLessThanOrEqualTo(40_000);
    assertThat(salvaged.pcm()).isEqualTo(Arrays.copyOf(big, salvaged.pcm().length));
    writer.close();
  }

  @Test
  void anOddNumberOfBytesIsPaddedToAnEvenChunk() throws IOException {
    Path file = dir.resolve("odd.wav");
    try (WavWriter writer = WavWriter.create(file, PcmFormat.STT)) {
      writer.write(new byte[] {1, 2, 3});
    }

    assertThat(Files.size(file)).isEqualTo(44 + 4);
    assertThat(readInt(file, WavHeader.DATA_SIZE_OFFSET)).isEqualTo(3);
    assertThat(WavFile.read(file).pcm()).containsExactly(1, 2);
  }

  @Test
  void writingAfterCloseFailsNamingTheFile() throws IOException {
    Path file = dir.resolve("closed.wav");
    WavWriter writer = WavWriter.create(file, PcmFormat.STT);
    writer.close();

    assertThatThrownBy(() -> writer.write(new byte[2])).isInstanceOf(IOException.class)
        .hasMessageContaining("closed.wav").hasMessageContaining("closed");
  }

  @Test
  void skipsChunksItDoesNotKnowIncludingOddSizedOnes() throws IOException {
    byte[] pcm = ramp(10);
    ByteBuffer wav = ByteBuffer.allocate(12 + 8 + 3 + 1 + 24 + 8 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(wav.capacity() - 8).put(ascii("WAVE"));
    wav.put(ascii("LIST")).putInt(3).put(new byte[] {9, 9, 9}).put((byte) 0);
    wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000)
        .putShort((short) 2).putShort((short) 16);
    wav.put(ascii("data")).putInt(pcm.length).put(pcm);
    Path file = Files.write(dir.resolve("list.wav"), wav.array());

    assertThat(WavFile.read(file).pcm()).isEqualTo(pcm);
  }

  @Test
  void stereoIsRefusedNamingTheFileAndTheFix() throws Exception {
    Path file = dir.resolve("stereo.wav");
    AudioFormat stereo = new AudioFormat(16_000, 16, 2, true, false);
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[400]), stereo, 100),
        AudioFileFormat.Type.WAVE, file.toFile());

    assertThatThrownBy(() -> WavFile.read(file)).isInstanceOf(WavFormatException.class)
        .hasMessageContaining("stereo.wav").hasMessageContaining("2 channel(s)")
        .hasMessageContaining("mono 16-bit PCM").hasMessageContaining("sox");
  }

  @Test
  void aWrongSampleRateIsRefusedWhenARateIsExpected() throws IOException {
    Path file = dir.resolve("fast.wav");
    WavFile.write(file, new WavAudio(new PcmFormat(44_100), ramp(10)));

    assertThatThrownBy(() -> WavFile.read(file, PcmFormat.STT)).isInstanceOf(WavFormatException.class)
        .hasMessageContaining("fast.wav").hasMessageContaining("44100 Hz").hasMessageContaining("16000 Hz");
  }

  @Test
  void aTruncatedHeaderIsReportedAsSuch() throws IOException {
    Path file = dir.resolve("short.wav");
    WavFile.write(file, new WavAudio(PcmFormat.STT, ramp(10)));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(30);
    }

    assertThatThrownBy(() -> WavFile.read(file)).isInstanceOf(WavFormatException.class)
        .hasMessageContaining("short.wav").hasMessageContaining("truncated WAV header");
  }

  @Test
  void somethingElseIsNotAWav() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.wav"), "these are not the samples you are looking for");

    assertThatThrownBy(() -> WavFile.read(file)).isInstanceOf(WavFormatException.class)
        .hasMessageContaining("notes.wav").hasMessageContaining("not a WAV file");
  }

  static void overwriteInt(Path file, long offset, long value) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      raf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
    }
  }

  private static long readInt(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[4];
      raf.seek(offset);
      raf.readFully(bytes);
      return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
