package dev.turntable.harness.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audio a TTS client asked for: how samples are encoded, what wraps them, at which rate, and
 * for compressed encodings the bit rate. Parsed from ElevenLabs' {@code output_format} query
 * parameter ({@code pcm_16000}, {@code ulaw_8000}, {@code mp3_44100_128}, {@code opus_48000_64} …)
 * and from Cartesia's {@code output_format} object ({@code {"container","encoding","sample_rate",
 * "bit_rate"}}); {@link AudioEncoder} makes the bytes.
 *
 * @param bitRate bits per second of MP3 and Opus, 0 for the others
 */
record SpeechFormat(Encoding encoding, Container container, int sampleRate, int bitRate) {
  /** How samples are coded. */
  enum Encoding { PCM_S16LE, PCM_F32LE, MULAW, ALAW, MP3, OPUS }

  /** What holds them: nothing (raw), a WAV header, an MP3 stream or an Ogg file. */
  enum Container { RAW, WAV, MP3, OGG }

  /** Sample rates every encoding here accepts (the services' own lists). */
  static final List<Integer> SAMPLE_RATES = List.of(8_000, 16_000, 22_050, 24_000, 44_100, 48_000);
  /** The formats ElevenLabs documents; {@code mp3_44100_128} is its default. */
  static final List<String> ELEVENLABS_FORMATS = List.of(
      "mp3_22050_32", "mp3_24000_48", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128",
      "mp3_44100_192", "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000",
      "ulaw_8000", "alaw_8000", "opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128",
      "opus_48000_192");
  static final String ELEVENLABS_DEFAULT = "mp3_44100_128";
  private static final Pattern ELEVENLABS = Pattern.compile("(mp3|pcm|ulaw|alaw|opus)_(\\d+)(?:_(\\d+))?");
  private static final List<Integer> CARTESIA_MP3_BIT_RATES = List.of(32_000, 64_000, 96_000, 128_000, 192_000);

  SpeechFormat {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(container, "container");
    if (sampleRate <= 0 || bitRate < 0) {
      throw new IllegalArgumentException("bad sample rate " + sampleRate + " or bit rate " + bitRate);
    }
  }

  /** Raw signed 16-bit little-endian mono, what the agent asks for. */
  static SpeechFormat pcm(int sampleRate) {
    return new SpeechFormat(Encoding.PCM_S16LE, Container.RAW, sampleRate, 0);
  }

  /** ElevenLabs' {@code output_format}; null means its default, {@value #ELEVENLABS_DEFAULT}. */
  static SpeechFormat elevenLabs(String outputFormat) {
    String name = outputFormat == null ? ELEVENLABS_DEFAULT : outputFormat;
    Matcher m = ELEVENLABS.matcher(name);
    if (!ELEVENLABS_FORMATS.contains(name) || !m.matches()) {
      throw new IllegalArgumentException("unsupported output_format '" + name + "': use one of "
          + String.join(", ", ELEVENLABS_FORMATS));
    }
    int rate = Integer.parseInt(m.group(2));
    int kbps = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return switch (m.group(1)) {
      case "mp3" -> new SpeechFormat(Encoding.MP3, Container.MP3, rate, kbps * 1000);
      case "opus" -> new SpeechFormat(Encoding.OPUS, Container.OGG, rate, kbps * 1000);
      case "ulaw" -> new SpeechFormat(Encoding.MULAW, Container.RAW, rate, 0);
      case "alaw" -> new SpeechFormat(Encoding.ALAW, Container.RAW, rate, 0);
      default -> pcm(rate);
    };
  }

  /** Cartesia's {@code output_format} object; the message names the field and its allowed values. */
  static SpeechFormat cartesia(JsonNode outputFormat) {
    String container = outputFormat.path("container").asText("");
    int rate = outputFormat.path("sample_rate").asInt(0);
    if (!SAMPLE_RATES.contains(rate)) {
      throw new IllegalArgumentException("output_format.sample_rate must be one of 8000, 16000, 22050, 24000,"
          + " 44100 or 48000, got " + outputFormat.path("sample_rate"));
    }
    switch (container) {
      case "mp3": {
        int bitRate = outputFormat.path("bit_rate").asInt(128_000);
        if (!CARTESIA_MP3_BIT_RATES.contains(bitRate)) {
          throw new IllegalArgumentException("output_format.bit_rate must be one of " + CARTESIA_MP3_BIT_RATES
              + " for container mp3, got " + outputFormat.path("bit_rate"));
        }
        return new SpeechFormat(Encoding.MP3, Container.MP3, rate, bitRate);
      }
      case "raw":
      case "wav":
        return new SpeechFormat(cartesiaEncoding(outputFormat.path("encoding").asText("")),
            container.equals("raw") ? Container.RAW : Container.WAV, rate, 0);
      default:
        throw new IllegalArgumentException("output_format.container must be raw, wav or mp3, got '" + container + "'");
    }
  }

  private static Encoding cartesiaEncoding(String encoding) {
    return switch (encoding) {
      case "pcm_s16le" -> Encoding.PCM_S16LE;
      case "pcm_f32le" -> Encoding.PCM_F32LE;
      case "pcm_mulaw" -> Encoding.MULAW;
      case "pcm_alaw" -> Encoding.ALAW;
      default -> throw new IllegalArgumentException(
          "output_format.encoding must be pcm_s16le, pcm_f32le, pcm_mulaw or pcm_alaw, got '" + encoding + "'");
    };
  }

  /** Raw 16-bit PCM, which needs no encoding at all. */
  public boolean isRawPcm() {
    return encoding == Encoding.PCM_S16LE && container == Container.RAW;
  }

  /** Needs a system encoder (lame, opusenc or ffmpeg) rather than Java alone. */
  public boolean isCompressed() {
    return encoding == Encoding.MP3 || encoding == Encoding.OPUS;
  }

  String contentType() {
    return switch (container) {
      case MP3 -> "audio/mpeg";
      case OGG -> "audio/ogg";
      case WAV -> "audio/wav";
      case RAW -> encoding == Encoding.MULAW ? "audio/basic" : "application/octet-stream";
    };
  }

  @Override
  public String toString() {
    return encoding.name().toLowerCase() + (container == Container.RAW ? "" : " in " + container.name().toLowerCase())
        + " at " + sampleRate + " Hz" + (bitRate > 0 ? ", " + bitRate / 1000 + " kbit/s" : "");
  }
}
