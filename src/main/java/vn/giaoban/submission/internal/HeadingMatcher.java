package vn.giaoban.submission.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.giaoban.catalog.ColumnRole;
import vn.giaoban.catalog.Heading;
import vn.giaoban.text.VietnameseText;

/**
 * Tells what a column holds from its heading, as the catalog's headings list says: without regard
 * to case, spacing or diacritics, an alias matching whole words anywhere in the heading, the first
 * role in the list winning ("Lũy kế cùng kỳ" is last year's, not this year's cumulative).
 */
final class HeadingMatcher {

    private final List<Heading> headings;

    public HeadingMatcher(List<Heading> headings) {
        List<Heading> folded = new ArrayList<>();
        for (Heading heading : headings) {
            folded.add(new Heading(heading.role(), VietnameseText.fold(heading.alias())));
        }
        this.headings = folded;
    }

    public Optional<ColumnRole> role(String heading) {
        String text = " " + VietnameseText.fold(heading) + " ";
        if (text.isBlank()) {
            return Optional.empty();
        }
        ColumnRole best = null;
        for (Heading candidate : headings) {
            if (best != null && candidate.role().ordinal() >= best.ordinal()) {
                continue;
            }
            if (!candidate.alias().isEmpty() && text.contains(" " + candidate.alias() + " ")) {
                best = candidate.role();
            }
        }
        return Optional.ofNullable(best);
    }
}
