package dev.mbpo.ui;

import javafx.scene.control.Alert;

/** Small message dialogs. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(String header, String message) {
        show(Alert.AlertType.ERROR, header, message);
    }

    private static void show(Alert.AlertType type, String header, String message) {
        Alert a = new Alert(type);
        a.setTitle("MBPO Workbench");
        a.setHeaderText(header);
        a.setContentText(message);
        a.show();
    }
}
