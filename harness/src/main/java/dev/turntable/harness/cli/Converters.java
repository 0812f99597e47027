package dev.turntable.harness.cli;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.config.Providers;
import dev.turntable.agent.stt.assemblyai.TurnPreset;
import dev.turntable.harness.fixture.Fixture;
import dev.turntable.harness.fixture.FixtureException;
import dev.turntable.harness.fixture.FixtureReader;
import dev.turntable.harness.mockstt.Script;
import dev.turntable.harness.replay.ConversationScript;
import dev.turntable.harness.replay.ReplaySpeed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters that check a value where it is parsed, so a bad flag or file is reported as
 * {@code Invalid value for option '--x': <why>} naming the allowed values, never as a stack trace.
 */
final class Converters {
  private Converters() {}

  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return inRange(value, 0, 65_535, "a port from 0 to 65535 (0: any free port)");
    }
  }

  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return inRange(value, 1, Integer.MAX_VALUE, "a whole number above 0");
    }
  }

  static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return inRange(value, 0, Integer.MAX_VALUE, "a whole number from 0");
    }
  }

  static final class NonNegativeLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return (long) inRange(value, 0, Integer.MAX_VALUE, "a whole number from 0");
    }
  }

  static final class SampleRate implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return inRange(value, PcmFormat.MIN_SAMPLE_RATE, PcmFormat.MAX_SAMPLE_RATE,
          "a sample rate from " + PcmFormat.MIN_SAMPLE_RATE + " to " + PcmFormat.MAX_SAMPLE_RATE + " Hz");
    }
  }

  /** A speed factor above 0, as {@code 4} or {@code 4x}. */
  static final class Speed implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        return ReplaySpeed.parse(value);
      } catch (IllegalArgumentException e) {
        throw invalid(value, "a number above 0 and up to 1000, like 4 or 4x");
      }
    }
  }

  /** {@code N} (see {@link Speed}) or {@code max}; kept as the text the command reads. */
  static final class SpeedOrMax implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.equalsIgnoreCase("max")) {
        return "max";
      }
      try {
        ReplaySpeed.parse(value);
        return value;
      } catch (IllegalArgumentException e) {
        throw invalid(value, "a number above 0 and up to 1000 (like 4 or 4x), or max");
      }
    }
  }

  static final class Preset implements ITypeConverter<TurnPreset> {
    @Override
    public TurnPreset convert(String value) {
      return oneOf(value, TurnPreset.values());
    }
  }

  static final class Llm implements ITypeConverter<Providers.Llm> {
    @Override
    public Providers.Llm convert(String value) {
      return oneOf(value, Providers.Llm.values());
    }
  }

  static final class Tts implements ITypeConverter<Providers.Tts> {
    @Override
    public Providers.Tts convert(String value) {
      return oneOf(value, Providers.Tts.values());
    }
  }

  /** A mock STT script, read and checked now: its problems name the file, line and field. */
  static final class ScriptFile implements ITypeConverter<Script> {
    @Override
    public Script convert(String value) {
      Path file = existingFile(value);
      try {
        return Script.load(file);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      } catch (IOException e) {
        throw new TypeConversionException(file + ": cannot be read: " + e.getMessage());
      }
    }
  }

  /** A conversation to synthesize, checked now; the command reads it again from its path. */
  static final class ConversationFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path file = existingFile(value);
      try {
        ConversationScript.load(file);
        return file;
      } catch (IOException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** One fixture folder, read and checked now. */
  static final class FixtureFolder implements ITypeConverter<Fixture> {
    @Override
    public Fixture convert(String value) {
      try {
        return FixtureReader.read(Path.of(value));
      } catch (FixtureException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A host name or address this machine resolves, for a server to listen on. */
  static final class Host implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        InetAddress.getByName(value);
        return value;
      } catch (UnknownHostException e) {
        throw invalid(value, "a host name or address this machine can resolve (e.g. 127.0.0.1 or 0.0.0.0)");
      }
    }
  }

  /** A folder to record a new fixture into: absent, or empty, so no fixture is overwritten. */
  static final class NewFolder implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) throws IOException {
      Path dir = Path.of(value);
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new TypeConversionException(value + ": is a file, not a folder");
      }
      if (Files.isDirectory(dir)) {
        try (Stream<Path> children = Files.list(dir)) {
          if (children.findAny().isPresent()) {
            throw new TypeConversionException(
                value + ": already holds files; record into a new folder so no fixture is overwritten");
          }
        }
      }
      return dir;
    }
  }

  private static Path existingFile(String value) {
    Path file = Path.of(value);
    if (Files.isDirectory(file)) {
      throw new TypeConversionException(value + ": is a folder, not a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new TypeConversionException(value + ": no such file");
    }
    return file;
  }

  private static int inRange(String value, long min, long max, String allowed) {
    long number;
    try {
      number = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw invalid(value, allowed);
    }
    if (number < min || number > max) {
      throw invalid(value, allowed);
    }
    return (int) number;
  }

  private static <E extends Enum<E>> E oneOf(String value, E[] values) {
    String wanted = value.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values)
        .filter(v -> v.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> invalid(value, "one of " + Arrays.stream(values)
            .map(v -> v.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "))));
  }

  private static TypeConversionException invalid(String value, String allowed) {
    return new TypeConversionException("'" + value + "' is not " + allowed);
  }
}
