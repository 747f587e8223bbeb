package dev.mbpo.ui;

import javafx.application.Application;

/**
 * Entry point for {@code mvn javafx:run} and {@code mbpo gui}. A main class that does not
 * extend {@link Application} lets JavaFX run from the plain classpath.
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
