package dev.turntable.harness.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TurntableCommand.class.getPackage().getImplementationVersion();
    return new String[] {"turntable " + (version == null ? "(development build)" : version)};
  }
}
