package dev.mbpo.ui;

import java.util.function.IntConsumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts: Ctrl+Enter start, Ctrl+P pause or resume, Escape stop,
 * Ctrl+S save the preset, Ctrl+O open a run, Ctrl+T dark theme, Ctrl+L large fonts,
 * Ctrl+1/2/3 the tabs (F12, a screenshot, is the application's).
 */
final class WorkbenchShortcuts {
    private WorkbenchShortcuts() {
    }

    static void install(Scene scene, Workbench w, IntConsumer selectTab) {
        put(scene, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), w::startRun);
        put(scene, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), w::togglePause);
        put(scene, new KeyCodeCombination(KeyCode.ESCAPE), w::stopRun);
        put(scene, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), w::savePreset);
        put(scene, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), w::chooseRun);
        put(scene, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> w.setTheme(w.theme() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        put(scene, new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> w.setLargeFont(!w.largeFont()));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
        for (int i = 0; i < digits.length; i++) {
            int tab = i;
            put(scene, new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> selectTab.accept(tab));
        }
    }

    private static void put(Scene scene, KeyCombination keys, Runnable action) {
        scene.getAccelerators().put(keys, action);
    }
}
