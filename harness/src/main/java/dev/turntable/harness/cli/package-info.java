/**
 * The {@code turntable} command line (picocli). The launcher and the shaded jar start {@link
 * dev.turntable.harness.cli.TurntableCommand}, the only public type; picocli builds its
 * package-private subcommands by reflection.
 */
package dev.turntable.harness.cli;
