package vn.giaoban.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code --help}: every command's, mixed in ({@code @Mixin HelpOption help;}). */
public final class HelpOption {

    @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "help")
    boolean requested;
}
