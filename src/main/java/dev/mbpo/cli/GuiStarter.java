package dev.mbpo.cli;

import java.util.List;

/**
 * How the command line opens the window without importing JavaFX: the ui package provides
 * an implementation through {@link java.util.ServiceLoader} (META-INF/services).
 */
public interface GuiStarter {
    /** Opens the workbench window with these arguments and blocks until it closes; returns an exit status. */
    int start(List<String> args);
}
