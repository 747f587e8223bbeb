package dev.mbpo.ui;

import dev.mbpo.Version;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The workbench window. For now it lists the built-in environments; the settings, plots
 * and replay views arrive with the GUI issue.
 */
public final class WorkbenchApp extends Application {
    public static final String TITLE = "MBPO Workbench";

    @Override
    public void start(Stage stage) {
        stage.setTitle(TITLE + " " + Version.get());
        stage.setScene(new Scene(buildRoot(), 900, 600));
        stage.show();
    }

    /** The window's content, built in code. */
    static BorderPane buildRoot() {
        Label heading = new Label(TITLE);
        heading.getStyleClass().add("heading");
        Label sub = new Label("Model-Based Policy Optimization (Janner et al. 2019). Environments available:");
        ListView<String> envs = new ListView<>();
        envs.setId("environments");
        for (String id : Envs.ids()) {
            Env env = Envs.make(id);
            envs.getItems().add(id + "    observation " + env.observationSpace().shape()
                    + ", action " + env.actionSpace().shape() + ", " + env.maxEpisodeSteps() + " steps");
        }
        VBox top = new VBox(6, heading, sub);
        top.setPadding(new Insets(16));
        BorderPane root = new BorderPane(envs, top, null, null, null);
        BorderPane.setMargin(envs, new Insets(0, 16, 16, 16));
        root.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        return root;
    }
}
