package dev.mbpo.ui;

import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point for {@code mvn javafx:run} and {@code mbpo gui}. A main class that does not
 * extend {@link Application} lets JavaFX run from the plain classpath.
 */
public final class WorkbenchLauncher {
    /**
     * JavaFX's own logger. It warns "Unsupported JavaFX configuration: classes were loaded from
     * 'unnamed module'" on every start from the classpath, which is how the workbench runs (its
     * libraries need JavaFX's internals open); that one message is dropped, every other one
     * passes. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        quietClasspathWarning();
        Application.launch(WorkbenchApp.class, args);
    }

    static void quietClasspathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }
}
