/**
 * The headless command line {@code mbpo} (picocli): environments, engine, training, runs,
 * benchmarks, and {@code mbpo gui}, which opens the window through a {@link dev.mbpo.cli.GuiStarter}
 * service so that this package never imports JavaFX.
 */
package dev.mbpo.cli;
