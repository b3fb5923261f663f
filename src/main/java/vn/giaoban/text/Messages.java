package vn.giaoban.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The words users read (the feedback, the command line and its summary of a night, the reminders), kept
 * in the UTF-8 bundles under {@code messages/} of the class path: {@code cli}, {@code feedback},
 * {@code reminders}, {@code mail} (the briefing's e-mail). An office rewords a sentence without a build by writing the keys
 * it changes into a file of the same name in its messages folder ({@code giaoban.messages.dir},
 * by default {@code work/messages/feedback.properties}); every other key keeps the shipped text.
 *
 * <p>Arguments are written in as {@code {0}}, {@code {1}}: plain text, already formatted by the caller
 * (numbers in the Vietnamese style), and without {@link java.text.MessageFormat}'s quoting rules, so an
 * apostrophe in a reworded sentence is just an apostrophe.
 */
public final class Messages {

    /** The bundles, in the order a key is looked up in them. */
    static final List<String> BUNDLES = List.of("cli", "feedback", "reminders", "mail");

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    private static final Messages DEFAULTS = new Messages(null);

    private final MessageSource source;

    private Messages(Path overrides) {
        List<String> basenames = new ArrayList<>();
        if (overrides != null && Files.isDirectory(overrides)) {
            for (String bundle : BUNDLES) {
                basenames.add(overrides.toAbsolutePath().resolve(bundle).toUri().toString());
            }
        }
        for (String bundle : BUNDLES) {
            basenames.add("classpath:messages/" + bundle);
        }
        ReloadableResourceBundleMessageSource bundles = new ReloadableResourceBundleMessageSource();
        bundles.setBasenames(basenames.toArray(String[]::new));
        bundles.setDefaultEncoding("UTF-8");
        // the bundles are Vietnamese whatever the machine's locale: no messages_en.properties is looked for
        bundles.setFallbackToSystemLocale(false);
        this.source = bundles;
    }

    /** The shipped wording alone: for code that runs without a deployment's settings (tests, tools). */
    public static Messages defaults() {
        return DEFAULTS;
    }

    /** The shipped wording with an office's rewording from {@code folder} where it has any. */
    public static Messages withOverrides(Path folder) {
        return folder == null || !Files.isDirectory(folder) ? DEFAULTS : new Messages(folder);
    }

    /**
     * The sentence {@code key} with its arguments written in.
     *
     * @throws org.springframework.context.NoSuchMessageException when no bundle has the key: a
     *         programming error, which the bundle tests catch before it ships
     */
    public String get(String key, Object... arguments) {
        String pattern = source.getMessage(key, null, VIETNAMESE);
        if (arguments.length == 0) {
            return pattern;
        }
        Matcher matcher = ARGUMENT.matcher(pattern);
        StringBuilder text = new StringBuilder(pattern.length() + 32);
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            String value = index < arguments.length ? String.valueOf(arguments[index]) : matcher.group();
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
