package id.satupintu.keys.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand: reaches the session of the {@link KeysCommandLine} it runs under. */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    KeysSession session() {
        return ((KeysCommandLine) spec.root().userObject()).session();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public final Integer call() throws Exception {
        run();
        return ExitCodes.OK;
    }

    abstract void run() throws Exception;
}
