package vn.giaoban.system;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import vn.giaoban.briefing.BriefingCli;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.consolidation.HistoryCli;
import vn.giaoban.rules.CheckCli;
import vn.giaoban.submission.ValidateCli;
import vn.giaoban.template.TemplateCli;
import vn.giaoban.timeliness.StatusCli;
import vn.giaoban.web.UserCli;

/**
 * {@code giaoban}: the top command, which wires every feature's command under it. The help's words, its
 * headings included, come from the {@code messages/cli} bundle (UTF-8), which the sub-commands inherit.
 */
@Command(name = "giaoban", resourceBundle = "messages.cli", synopsisSubcommandLabel = "LỆNH")
final class GiaobanCommand {

    @Mixin
    HelpOption help;

    /** The commands, in the order the help lists them. */
    static picocli.CommandLine commandLine(ApplicationConsole console) {
        picocli.CommandLine giaoban = new picocli.CommandLine(new GiaobanCommand())
                .addSubcommand(new NightlyCli(console))
                .addSubcommand(new DemoCli(console))
                .addSubcommand(new ServeCli(console))
                .addSubcommand(UserCli.commandLine(console))
                .addSubcommand(new BriefingCli(console))
                .addSubcommand(new StatusCli(console))
                .addSubcommand(new CheckCli(console))
                .addSubcommand(new ValidateCli(console))
                .addSubcommand(new HistoryCli(console))
                .addSubcommand(new TemplateCli(console))
                .addSubcommand(new WorkerCli(console))
                .addSubcommand(new HousekeepingCli(console))
                .addSubcommand(new BackupCli(console))
                .addSubcommand(new CompletionCli(console))
                .addSubcommand(new HelpCli(console));
        // set after the sub-commands are added, so that they apply to every one
        giaoban.setUsageHelpWidth(110);
        giaoban.setExpandAtFiles(false);
        // as before picocli: an option given twice keeps its last value, and a value may look like an option
        giaoban.setOverwrittenOptionsAllowed(true);
        giaoban.setAllowOptionsAsOptionParameters(true);
        return giaoban;
    }
}
