package dev.mbpo.cli;

import dev.mbpo.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mbpo} command line. Exit status: 0 success, 2 bad input (one clear line, no
 * stack trace), 1 internal error.
 */
@Command(name = "mbpo",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "MBPO Workbench: Model-Based Policy Optimization, headless or in a window.",
        subcommands = {EnvsCommand.class, KeysCommand.class, EngineCommand.class, TrainCommand.class, RunsCommand.class, EvalCommand.class, DatasetCommand.class, SweepCommand.class, BenchCommand.class, GuiCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (tests call this). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main()); // picocli: exit 2 on invalid input by default
        withHelpOptions(cl);
        // A mistyped option or value: one line naming it and where help is, not the whole usage.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            at.getErr().println("mbpo: " + ex.getMessage() + hint + " (see '" + at.getCommandSpec().qualifiedName() + " --help')");
            at.getErr().flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserInputException || ex instanceof IllegalArgumentException
                    || ex instanceof dev.mbpo.run.RunFormatException) {
                // ConfigException is an IllegalArgumentException whose message names the field.
                commandLine.getErr().println("mbpo: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("mbpo: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /** --help and -h (and --version, -V) on every command and subcommand. */
    private static void withHelpOptions(CommandLine cl) {
        if (!(cl.getCommand() instanceof CommandLine.HelpCommand)) { // it has its own -h
            cl.getCommandSpec().mixinStandardHelpOptions(true);
            cl.getCommandSpec().versionProvider(new VersionProvider());
        }
        cl.getSubcommands().values().forEach(Main::withHelpOptions);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the project's version and the runtime it runs on. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "mbpo-workbench " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }
    }
}
