package dev.mbpo.ui;

import javafx.scene.control.Alert;

/** Small message dialogs. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle("MBPO Workbench");
        a.setHeaderText(header);
        a.setContentText(message);
        a.show();
    }

    static void info(String header, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("MBPO Workbench");
        a.setHeaderText(header);
        a.setContentText(message);
        a.show();
    }
}
