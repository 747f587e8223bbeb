package dev.mbpo.cli;

import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mbpo gui}: opens the workbench window (the ui package registers itself as a {@link GuiStarter}). */
@Command(name = "gui", description = "Open the workbench window.")
final class GuiCommand implements Callable<Integer> {
    @Mixin
    GuiOptions options;

    @Override
    public Integer call() {
        options.check();
        GuiStarter starter = ServiceLoader.load(GuiStarter.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no GUI on the classpath (dev.mbpo.ui missing)"));
        return starter.start(options.toArgs());
    }
}
