package dev.turntable.harness.cli;

import dev.turntable.agent.audio.PcmFormat;
import dev.turntable.agent.audio.javasound.AudioDevices;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = "List the microphones and speakers the agent can use (16-bit mono PCM).")
final class DevicesCommand implements Callable<Integer> {
  @Option(names = "--sample-rate", defaultValue = "16000", converter = Converters.SampleRate.class, description = "Rate to check (default: ${DEFAULT-VALUE} Hz).")
  int sampleRate;

  @Mixin Verbosity verbosity;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AudioDevices devices = AudioDevices.scan(new PcmFormat(sampleRate));
    spec.commandLine().getOut().println(devices.describe());
    return devices.all().isEmpty() ? 1 : 0;
  }
}
