package dev.mbpo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code mbpo gui}: opens the workbench window (the ui package registers itself as a {@link GuiStarter}). */
@Command(name = "gui", description = "Open the workbench window.")
final class GuiCommand implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        GuiStarter starter = ServiceLoader.load(GuiStarter.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no GUI on the classpath (dev.mbpo.ui missing)"));
        return starter.start(args);
    }
}
