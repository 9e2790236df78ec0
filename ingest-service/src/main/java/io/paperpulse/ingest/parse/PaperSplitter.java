package io.paperpulse.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.paperpulse.ingest.parse.Paragraph.Shape;

/**
 * Splits the paragraphs of a page into papers, where nothing but their look tells titles from abstracts.
 *
 * <p>Chrome is skipped wherever it stands. What remains is read as groups: one or more headings, then the prose under
 * them. Normally a group is one title and its abstract; a group with more headings holds titles that lost their
 * abstract (or whose abstract is as short as a title), read in pairs from the top, the last heading owning the prose.
 * When most groups carry two or more headings, the page puts a line of metadata with each paper: under the title
 * (authors, say), and the title is the first heading of a group, or under the abstract (stars per hour), and the title
 * is the last; the position whose lines look least like repeated patterns or lists of names holds the titles. Prose after an abstract continues it when it has substance. After the last abstract
 * only one title can follow (a list cut off before its abstract); the rest is chrome. Before the first abstract, on a
 * page without a date line, only the heading right above it is a title.
 */
final class PaperSplitter {
    private static final String PARAGRAPH_BREAK = "\n\n";
    static final Pattern DIGITS = Pattern.compile("\\d+");

    private PaperSplitter() {
    }

    /**
     * @param leadingChrome whether headings before the first abstract may be page chrome (no date line marked where
     *     the list starts)
     */
    static void split(List<Paragraph> paragraphs, boolean leadingChrome, ParsedPageBuilder page) {
        List<Group> groups = groups(paragraphs);
        if (groups.stream().noneMatch(Group::complete)) {
            alternate(groups, page);
            return;
        }
        Layout layout = Layout.of(groups);
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            if (!group.complete()) {
                layout.tail(group, page);
            } else if (i == 0 && leadingChrome) {
                layout.first(group, page);
            } else {
                layout.middle(group, page);
            }
        }
    }

    private static List<Group> groups(List<Paragraph> paragraphs) {
        List<Group> groups = new ArrayList<>();
        Group current = new Group();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            if (p.is(Shape.CHROME)) {
                current.arxivReference(p.arxivReference);
                continue;
            }
            Paragraph[] split = current.headings.isEmpty() || current.complete() ? p.titleAndAbstract() : null;
            boolean stoppedTitle = p.is(Shape.PROSE) && current.complete() && p.couldBeTitle() && nextIsProse(paragraphs, i);
            if (split != null) {
                current = startGroup(groups, current, split[0]);
                current.prose.add(split[1]);
            } else if (p.is(Shape.HEADING) || stoppedTitle) {
                current = current.complete() ? startGroup(groups, current, p) : current.withHeading(p);
            } else {
                current.prose.add(p);
            }
        }
        if (!current.headings.isEmpty() || current.complete()) {
            groups.add(current);
        }
        return groups;
    }

    private static Group startGroup(List<Group> groups, Group current, Paragraph heading) {
        if (!current.headings.isEmpty() || current.complete()) {
            groups.add(current);
        }
        return new Group().withHeading(heading);
    }

    private static boolean nextIsProse(List<Paragraph> paragraphs, int i) {
        for (int j = i + 1; j < paragraphs.size(); j++) {
            if (!paragraphs.get(j).is(Shape.CHROME)) {
                return paragraphs.get(j).is(Shape.PROSE);
            }
        }
        return false;
    }

    /**
     * No paragraph reads as an abstract: the page's own order is all there is, title then abstract. Such a page is one
     * group, so an arXiv reference line in it can be placed only when it holds one paper.
     */
    private static void alternate(List<Group> groups, ParsedPageBuilder page) {
        List<Paragraph> headings = groups.stream().flatMap(g -> g.headings.stream()).toList();
        String arxivId = !groups.isEmpty() && headings.size() <= 2 ? groups.get(0).arxivReference : null;
        for (int i = 0; i < headings.size(); i += 2) {
            page.add(headings.get(i).text, i + 1 < headings.size() ? headings.get(i + 1).text : null, arxivId);
        }
    }

    /** Headings followed by the prose under them. */
    private static final class Group {
        final List<Paragraph> headings = new ArrayList<>();
        final List<Paragraph> prose = new ArrayList<>();
        String arxivReference;

        Group withHeading(Paragraph heading) {
            headings.add(heading);
            return this;
        }

        void arxivReference(String id) {
            if (id != null && arxivReference == null) {
                arxivReference = id;
            }
        }

        boolean complete() {
            return !prose.isEmpty();
        }

        /** The first prose paragraph and those that continue it. */
        String abstractText() {
            StringBuilder text = new StringBuilder(prose.get(0).text);
            for (Paragraph more : prose.subList(1, prose.size())) {
                if (more.continuesAbstract()) {
                    text.append(PARAGRAPH_BREAK).append(more.text);
                }
            }
            return text.toString();
        }
    }

    /**
     * How this page lays out its groups: how many headings a paper has (one, or a title plus lines of metadata), whether
     * the title is the first of them (authors under the title) or the last (a line left under the previous abstract,
     * such as stars per hour), and the usual lengths of its titles and abstracts.
     */
    private record Layout(int headingsPerTitle, boolean titleLast, double titleLength, double abstractLength) {

        static Layout of(List<Group> groups) {
            List<Group> complete = groups.stream().filter(Group::complete).toList();
            List<Group> settled = complete.size() > 1 ? complete.subList(1, complete.size()) : complete;
            List<Integer> counts = settled.stream().map(g -> g.headings.size()).filter(n -> n > 0).toList();
            int multi = (int) counts.stream().filter(n -> n >= 2).count();
            int perTitle = counts.size() >= 2 && multi * 2 > counts.size() ? mostCommon(counts) : 1;
            List<Group> typical = settled.stream().filter(g -> g.headings.size() == perTitle).toList();
            boolean titleLast = perTitle > 1
                    && titleLikeness(typical, perTitle - 1) > titleLikeness(typical, 0);
            List<Integer> titles = complete.stream().filter(g -> !g.headings.isEmpty())
                    .map(g -> g.headings.get(perTitle == 1 || titleLast ? g.headings.size() - 1 : 0).text.length()).toList();
            List<Integer> abstracts = complete.stream().map(g -> g.prose.get(0).text.length()).toList();
            return new Layout(perTitle, titleLast, median(titles), median(abstracts));
        }

        /**
         * Titles differ from paper to paper, have several words and are no lists of names; metadata repeats its pattern
         * ("12 stars / hour"), is one token ("org/repo") or lists authors. Counts the headings at a position that look
         * like titles.
         */
        private static long titleLikeness(List<Group> groups, int position) {
            List<String> texts = groups.stream().map(g -> g.headings.get(position).text).toList();
            List<String> patterns = texts.stream().map(t -> DIGITS.matcher(PaperIds.normalise(t)).replaceAll("#")).toList();
            Map<String, Integer> frequency = frequencies(patterns);
            return IntStream.range(0, texts.size())
                    .filter(i -> frequency.get(patterns.get(i)) == 1 && Paragraph.words(texts.get(i)) >= 2
                            && texts.get(i).chars().filter(c -> c == ',').count() < 2)
                    .count();
        }

        void first(Group group, ParsedPageBuilder page) {
            List<Paragraph> h = group.headings;
            if (!h.isEmpty()) {
                int title = titleLast ? h.size() - 1 : Math.max(0, h.size() - headingsPerTitle);
                page.add(h.get(title).text, group.abstractText(), group.arxivReference);
            }
        }

        void middle(Group group, ParsedPageBuilder page) {
            List<Paragraph> h = group.headings;
            if (h.isEmpty()) {
                return; // prose nobody titled: the top of a list cut off mid-paper
            }
            if (headingsPerTitle > 1) {
                page.add(h.get(titleLast ? h.size() - 1 : 0).text, group.abstractText(), group.arxivReference);
                return;
            }
            for (int i = 0; i < h.size() - 1; i += 2) {
                boolean lone = i + 1 == h.size() - 1;
                page.add(h.get(i).text, lone ? null : h.get(i + 1).text, null);
            }
            page.add(h.get(h.size() - 1).text, group.abstractText(), group.arxivReference);
        }

        /**
         * After the last abstract: one title cut off from its abstract at most (after the last paper's metadata, when
         * metadata comes under the abstract); a short abstract if it has the look.
         */
        void tail(Group group, ParsedPageBuilder page) {
            List<Paragraph> h = group.headings;
            int title = titleLast ? headingsPerTitle - 1 : 0;
            if (title >= h.size()) {
                return;
            }
            String abstractText = headingsPerTitle == 1 && h.size() > 1 && looksLikeAbstract(h.get(1)) ? h.get(1).text : null;
            page.add(h.get(title).text, abstractText, group.arxivReference);
        }

        /** Nearer, in length, to this page's abstracts than to its titles. */
        private boolean looksLikeAbstract(Paragraph p) {
            double length = Math.log(p.text.length());
            return Math.abs(length - Math.log(abstractLength)) < Math.abs(length - Math.log(titleLength));
        }

        /** The most frequent count, the first listed of those tied. */
        private static int mostCommon(List<Integer> counts) {
            Map<Integer, Integer> frequency = frequencies(counts);
            int best = 1;
            int bestFrequency = 0;
            for (int count : counts) {
                if (frequency.get(count) > bestFrequency) {
                    best = count;
                    bestFrequency = frequency.get(count);
                }
            }
            return best;
        }

        /** How often each value occurs, counted in one pass: a page lists up to 100,000 papers. */
        private static <T> Map<T, Integer> frequencies(List<T> values) {
            Map<T, Integer> frequency = new HashMap<>();
            values.forEach(v -> frequency.merge(v, 1, Integer::sum));
            return frequency;
        }

        private static double median(List<Integer> values) {
            if (values.isEmpty()) {
                return 1;
            }
            List<Integer> sorted = values.stream().sorted().toList();
            return Math.max(1, sorted.get(sorted.size() / 2));
        }
    }
}
