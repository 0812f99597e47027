package dev.turntable.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turntable.harness.SharedResources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code turntable devices} from the shaded jar, as {@link CommandLineIT} runs it. On its own
 * because it probes the audio devices, which opens a stream on each: it must wait for the audio
 * tests, and the rest of the command line need not.
 */
@ResourceLock(SharedResources.AUDIO_DEVICES)
@ResourceLock(SharedResources.CORE_2)
class DevicesCommandIT {
  @Test
  void devicesListsDevicesOrSaysThereAreNone(@TempDir Path dir) throws Exception {
    CommandLineIT.Run run = CommandLineIT.run(dir, Map.of(), "devices");
    if (run.exitCode() == 0) {
      assertThat(run.out()).contains("default");
    } else {
      assertThat(run.out()).contains("none").contains("PULSE_SERVER");
    }
  }
}
