package dev.mbpo.ui;

import dev.mbpo.cli.GuiStarter;
import java.util.List;

/** Lets {@code mbpo gui} open the window without the cli package importing JavaFX. */
public final class WorkbenchGuiStarter implements GuiStarter {
    @Override
    public int start(List<String> args) {
        // The arguments come from GuiCommand, which has checked them (GuiOptions); the window reads them again.
        WorkbenchLauncher.main(args.toArray(String[]::new));
        return 0;
    }
}
