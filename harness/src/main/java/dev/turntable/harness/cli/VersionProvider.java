package dev.turntable.harness.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"turntable " + version()};
  }

  static String version() {
    String version = TurntableCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
