package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void help_listsCommandsAndExitCodes() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("assess").contains("explain").contains("check").contains("test").contains("diff")
                .contains("generate").contains("Exit codes:").contains("could not start");
    }

    @Test
    void assessHelp_documentsExitCodes() {
        Cli.Result r = Cli.run("assess", "--help");

        assertThat(r.out()).contains("--as-of").contains("--locale").contains("--rules").contains("--output-format")
                .contains("Exit codes:").contains("some rows failed");
    }

    @Test
    void noCommand_exits2WithUsage() {
        Cli.Result r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("a command is required").contains("Usage:");
    }

    @Test
    void unknownOption_isUsageErrorExit2() {
        Cli.Result r = Cli.run("assess", "x.jsonl", "--bogus");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_START);
        assertThat(r.err()).contains("--bogus");
    }
}
