package vn.giaoban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sentence of the notice as the catalog words it ({@code briefing.csv}), with named slots the figures fill:
 * {@code "{Indicator} được {value} {uom}[, đạt {attainments|, đạt }]."}
 *
 * <ul>
 * <li>{@code {name}} is replaced by the slot's value; a list slot's items are joined by ", ", or by what follows a
 * bar: {@code {met_list|-}} gives "1-2-3".</li>
 * <li>{@code [...]} is said only when every slot in it has something to say (a value, a non-empty list); otherwise
 * it is left out. {@code [a|b]} says the first of its alternatives that can be said, or nothing.</li>
 * <li>A slot outside any brackets that has nothing to say leaves out the whole sentence: a row says only what
 * its data says.</li>
 * </ul>
 */
public final class SentencePattern {

    private interface Node {
    }

    private record Literal(String text) implements Node {
    }

    private record Slot(String name, String separator) implements Node {
    }

    private record Choice(List<List<Node>> alternatives) implements Node {
    }

    private final String source;
    private final List<Node> nodes;

    private SentencePattern(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /** @throws IllegalArgumentException with a Vietnamese message naming what is wrong, for the catalog's errors */
    public static SentencePattern parse(String source) {
        Parser parser = new Parser(source);
        List<List<Node>> top = parser.sequence(false);
        if (parser.at < source.length()) {
            throw new IllegalArgumentException("dấu ']' thừa ở vị trí " + (parser.at + 1));
        }
        if (top.size() != 1) {
            throw new IllegalArgumentException("dấu '|' chỉ dùng trong [...] hoặc {...}");
        }
        return new SentencePattern(source, top.get(0));
    }

    /** The names of the slots the pattern uses, in order. */
    public Set<String> slots() {
        Set<String> names = new LinkedHashSet<>();
        collect(nodes, names);
        return names;
    }

    /**
     * The sentence with the slots filled: each value a {@code String} or a {@code List<String>}; a missing, blank or
     * empty one has nothing to say. Empty when a slot outside brackets has nothing to say, or nothing was said.
     */
    public Optional<String> fill(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        return render(nodes, values, out) && !out.toString().isBlank() ? Optional.of(out.toString()) : Optional.empty();
    }

    @Override
    public String toString() {
        return source;
    }

    private static boolean render(List<Node> sequence, Map<String, ?> values, StringBuilder out) {
        int start = out.length();
        for (Node node : sequence) {
            boolean said = true;
            if (node instanceof Literal literal) {
                out.append(literal.text());
            } else if (node instanceof Slot slot) {
                String value = value(values.get(slot.name()), slot.separator());
                said = value != null;
                if (said) {
                    out.append(value);
                }
            } else if (node instanceof Choice choice) {
                for (List<Node> alternative : choice.alternatives()) {
                    int mark = out.length();
                    if (render(alternative, values, out)) {
                        break;
                    }
                    out.setLength(mark);
                }
            }
            if (!said) {
                out.setLength(start);
                return false;
            }
        }
        return true;
    }

    private static String value(Object value, String separator) {
        if (value instanceof List<?> list) {
            List<String> items = list.stream().map(String::valueOf).filter(item -> !item.isBlank()).toList();
            return items.isEmpty() ? null : String.join(separator, items);
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static void collect(List<Node> sequence, Set<String> names) {
        for (Node node : sequence) {
            if (node instanceof Slot slot) {
                names.add(slot.name());
            } else if (node instanceof Choice choice) {
                choice.alternatives().forEach(alternative -> collect(alternative, names));
            }
        }
    }

    private static final class Parser {
        private final String source;
        private int at;

        Parser(String source) {
            this.source = source;
        }

        /** Alternatives separated by '|' (inside brackets) up to the closing ']' or the end. */
        List<List<Node>> sequence(boolean inBrackets) {
            List<List<Node>> alternatives = new ArrayList<>();
            List<Node> current = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (at < source.length()) {
                char c = source.charAt(at);
                if (c == ']') {
                    break;
                }
                if (c == '|' && inBrackets) {
                    flush(text, current);
                    alternatives.add(current);
                    current = new ArrayList<>();
                    at++;
                } else if (c == '[') {
                    flush(text, current);
                    int opened = at++;
                    List<List<Node>> inner = sequence(true);
                    if (at >= source.length()) {
                        throw new IllegalArgumentException("dấu '[' ở vị trí " + (opened + 1) + " chưa đóng");
                    }
                    at++;
                    current.add(new Choice(inner));
                } else if (c == '{') {
                    flush(text, current);
                    int close = source.indexOf('}', at);
                    if (close < 0) {
                        throw new IllegalArgumentException("dấu '{' ở vị trí " + (at + 1) + " chưa đóng");
                    }
                    String inside = source.substring(at + 1, close);
                    int bar = inside.indexOf('|');
                    String name = (bar < 0 ? inside : inside.substring(0, bar)).strip();
                    if (!name.matches("[A-Za-z_]+")) {
                        throw new IllegalArgumentException("tên ô '{" + inside + "}' không hợp lệ");
                    }
                    current.add(new Slot(name, bar < 0 ? ", " : inside.substring(bar + 1)));
                    at = close + 1;
                } else {
                    text.append(c);
                    at++;
                }
            }
            flush(text, current);
            alternatives.add(current);
            return alternatives;
        }

        private static void flush(StringBuilder text, List<Node> current) {
            if (!text.isEmpty()) {
                current.add(new Literal(text.toString()));
                text.setLength(0);
            }
        }
    }
}
