package dev.mbpo.run;

import dev.mbpo.config.Choice;

/** Where a run stands, in run.json and in its end event ({@link RunEvent.Ended}). */
public enum RunStatus implements Choice {
    RUNNING("the run is going, or its process died without saying so"),
    FINISHED("the run took all its steps"),
    STOPPED("the user stopped the run; it is saved and can be resumed"),
    CRASHED("the run ended on an error or a numerical fault; its last good checkpoint is kept");

    private final String description;

    RunStatus(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label();
    }
}
