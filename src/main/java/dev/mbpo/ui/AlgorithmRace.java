package dev.mbpo.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mbpo.config.Algorithm;
import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Up to four algorithms started at once on the current task and seed, each an ordinary recorded
 * run on its own session: SAC (the SAC twin, G as the pair's chooser says), MBPO and MPC from the
 * settings sheet, and offline from a dataset chosen for it. The Compare tab draws their curves
 * and fills the comparison table as they run. FX thread only.
 */
final class AlgorithmRace {
    /** A started run: its slot (series), configuration and id. */
    record Started(int slot, RunConfig config, String id) {
    }

    private final List<RunController> controllers = new ArrayList<>();
    private final MenuButton menu = new MenuButton("Start algorithms");
    private final CheckMenuItem sac = new CheckMenuItem("SAC");
    private final CheckMenuItem mbpo = new CheckMenuItem("MBPO");
    private final CheckMenuItem mpc = new CheckMenuItem("MPC");
    private final CheckMenuItem offline = new CheckMenuItem("Offline (from a dataset)");
    private final MenuItem start = new MenuItem("Start the checked ones");
    private Path dataset;

    /**
     * @param chooseDataset asks for a recorded run or dataset folder (null when cancelled)
     * @param onStart       starts the checked algorithms
     */
    AlgorithmRace(Path runsDir, java.util.function.Function<String, Path> chooseDataset, Runnable onStart) {
        sac.setSelected(true);
        mbpo.setSelected(true);
        mpc.setSelected(true);
        offline.setOnAction(e -> {
            if (offline.isSelected()) {
                Path p = chooseDataset.apply("The offline run's dataset: a recorded run or a dataset folder");
                dataset = p;
                offline.setSelected(p != null);
                offline.setText(p == null ? "Offline (from a dataset)" : "Offline from " + p.getFileName());
            }
        });
        start.setId("compare-start-checked");
        start.setOnAction(e -> onStart.run());
        menu.getItems().addAll(sac, mbpo, mpc, offline, new SeparatorMenuItem(), start);
        menu.setId("compare-start-algorithms");
        menu.setTooltip(new javafx.scene.control.Tooltip("Start the checked algorithms at once on this task and seed, each "
                + "recorded as a run (on 2 cores they share them: expect each to be slower than alone)"));
        for (int i = 0; i < 4; i++) {
            controllers.add(new RunController(runsDir));
        }
    }

    MenuButton node() {
        return menu;
    }

    /** Tests only: checks exactly these algorithms, with {@code data} as the offline run's dataset. */
    void check(List<Algorithm> which, Path data) {
        sac.setSelected(which.contains(Algorithm.SAC));
        mbpo.setSelected(which.contains(Algorithm.MBPO));
        mpc.setSelected(which.contains(Algorithm.MPC));
        offline.setSelected(which.contains(Algorithm.OFFLINE));
        dataset = data;
    }

    /** The configurations of the checked algorithms, from the sheet's settings (same task and seed). */
    List<RunConfig> configs(RunConfig settings, boolean sacSameUpdates) {
        List<RunConfig> out = new ArrayList<>();
        if (sac.isSelected()) {
            out.add(sacTwin(settings, sacSameUpdates));
        }
        if (mbpo.isSelected()) {
            out.add(as(settings, Algorithm.MBPO));
        }
        if (mpc.isSelected()) {
            out.add(as(settings, Algorithm.MPC));
        }
        if (offline.isSelected() && dataset != null) {
            out.add(as(settings, Algorithm.OFFLINE).withOffline(settings.offline().withDataset(dataset.toAbsolutePath().toString())));
        }
        return out;
    }

    /** The SAC twin of a configuration: same seed, env and SAC settings; G = 1 unless asked otherwise. */
    static RunConfig sacTwin(RunConfig c, boolean sameUpdates) {
        ObjectNode tree = Presets.toTree(c);
        tree.put("algorithm", "sac");
        tree.put("name", c.name() + " (SAC twin)");
        if (!sameUpdates) {
            ((ObjectNode) tree.get("sac")).put("updatesPerStep", 1);
        }
        return Presets.fromTree(tree, "SAC twin of " + c.name());
    }

    /** The configuration with another algorithm (the sheet's other settings kept). */
    static RunConfig as(RunConfig c, Algorithm a) {
        ObjectNode tree = Presets.toTree(c);
        tree.put("algorithm", a.label());
        return Presets.fromTree(tree, a.label() + " from the settings");
    }

    /** Starts each configuration on its own session; stops the ones started when one fails to start. */
    List<Started> start(List<RunConfig> configs) throws IOException {
        List<Started> out = new ArrayList<>();
        try {
            for (int i = 0; i < configs.size() && i < controllers.size(); i++) {
                out.add(new Started(i, configs.get(i), controllers.get(i).start(configs.get(i), "Compare tab")));
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        return out;
    }

    boolean running() {
        return controllers.stream().anyMatch(c -> c.modeProperty().get() != RunController.Mode.IDLE);
    }

    /** Hands every event waiting from each session to {@code sink} with its slot. */
    void drain(BiConsumer<Integer, RunEvent> sink) {
        for (int i = 0; i < controllers.size(); i++) {
            int slot = i;
            controllers.get(i).drain(5000).forEach(e -> sink.accept(slot, e));
        }
    }

    void stop() {
        controllers.forEach(RunController::stop);
    }

    void shutdown() {
        controllers.forEach(RunController::shutdown);
    }
}
