package dev.mbpo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(WorkbenchApp.buildRoot(), 800, 500));
        stage.show();
    }

    @Test
    void windowNamesTheEnvironments(FxRobot robot) {
        ListView<String> list = robot.lookup("#environments").queryListView();
        assertEquals(4, list.getItems().size());
        assertTrue(list.getItems().get(0).startsWith("Pendulum-v1"));
        robot.clickOn(robot.lookup(".list-cell").nth(3).queryAs(javafx.scene.Node.class));
        assertEquals(3, list.getSelectionModel().getSelectedIndex());
    }
}
