package io.paperpulse.ingest.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * One block of rendered text of an HTML page (what a browser shows as its own line or paragraph), with what its markup
 * says about it: the kind of title element it fills, if any, whether it is marked as an abstract or as metadata, its
 * links, whether it stands in the page's frame (navigation, banner, footer, sidebar) rather than its content, its place
 * among the page's blocks, and the card (article, list item, row, a div marked as a paper card) it stands in, if any.
 */
record HtmlBlock(String text, Element container, String titleKind, boolean markedAbstract, boolean markedMeta,
        List<String> links, boolean inFrame, int index, CardSpan card) {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "dt");
    private static final Set<String> TITLE_WRAPPERS = Set.of("a", "strong", "b");
    private static final Set<String> META_WORDS = Set.of("author", "authors", "byline", "meta", "metadata", "tags", "tag",
            "vote", "votes", "upvote", "upvotes", "stats", "badge", "badges", "date", "time", "comments", "share", "actions");
    static final Pattern MARK_SEPARATORS = Pattern.compile("[\\s_-]+");

    /** A card of the page; it holds the blocks collected before it closed (those after its title are its body). */
    static final class CardSpan {
        private int end = Integer.MAX_VALUE;

        boolean holds(HtmlBlock block) {
            return block.index() < end;
        }
    }

    static List<HtmlBlock> collect(Element body, boolean pageHasMain) {
        Collector collector = new Collector(body, pageHasMain);
        collector.traverse(body);
        return collector.blocks;
    }

    boolean isTitle() {
        return titleKind != null;
    }

    /** Tokens of an element's class, id and itemprop, split at spaces, hyphens and underscores, lower case. */
    static List<String> markTokens(Element e) {
        String marks = (e.className() + " " + e.id() + " " + e.attr("itemprop")).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (String token : MARK_SEPARATORS.split(marks)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    static boolean marked(List<String> marks, Set<String> words) {
        for (String token : marks) {
            if (words.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Walks the page, cutting its text into blocks at every block element, as a browser lays it out. */
    private static final class Collector implements NodeVisitor {
        private final boolean pageHasMain;
        /** The ancestry of each element on the path from the body to the node visited, by depth. */
        private final List<HtmlAncestry> path = new ArrayList<>();
        private final HtmlAncestry aboveBody;
        private final Deque<HtmlAncestry> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private final List<String> links = new ArrayList<>();
        private final List<HtmlBlock> blocks = new ArrayList<>();
        private boolean hasText;
        private HtmlAncestry wrapper;
        private boolean oneWrapper = true;

        Collector(Element body, boolean pageHasMain) {
            this.aboveBody = HtmlAncestry.aboveBody(body);
            this.pageHasMain = pageHasMain;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t, path.get(depth - 1));
            } else if (node instanceof Element e) {
                HtmlAncestry ancestry = (depth == 0 ? aboveBody : path.get(depth - 1)).child(e);
                path.subList(depth, path.size()).clear();
                path.add(ancestry);
                if (ancestry.block) {
                    flush();
                    open.push(ancestry);
                } else if (e.normalName().equals("br")) {
                    space();
                } else if (e.normalName().equals("a") && e.hasAttr("href")) {
                    links.add(e.attr("href"));
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element && path.get(depth).block) {
                flush();
                HtmlAncestry closed = open.pop();
                if (closed.ownCard) {
                    closed.card.end = blocks.size();
                }
            }
        }

        private void append(TextNode node, HtmlAncestry parent) {
            String collapsed = collapse(node.getWholeText());
            if (collapsed.isBlank()) {
                space();
                return;
            }
            HtmlAncestry outer = parent.outerInline;
            if (!hasText) {
                hasText = true;
                wrapper = outer;
                oneWrapper = outer != null;
            } else if (outer != wrapper) {
                oneWrapper = false;
            }
            text.append(collapsed);
        }

        private void space() {
            if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        }

        private void flush() {
            String blockText = text.toString().strip();
            if (!blockText.isEmpty() && !open.isEmpty()) {
                HtmlAncestry container = open.peek();
                HtmlAncestry titleWrapper = oneWrapper && wrapper != null && TITLE_WRAPPERS.contains(wrapper.element.normalName()) ? wrapper : null;
                boolean meta = marked(container.marks, META_WORDS)
                        || titleWrapper == null && wrapper != null && oneWrapper && marked(wrapper.marks, META_WORDS);
                blocks.add(new HtmlBlock(blockText, container.element, titleKind(container, titleWrapper), container.markedAbstract, meta,
                        List.copyOf(links), container.inFrame(pageHasMain), blocks.size(), container.card));
            }
            text.setLength(0);
            hasText = false;
            links.clear();
            wrapper = null;
            oneWrapper = true;
        }

        /** "h3.card-title" for a heading, "li>a.link" for a block that is one link or one bold run: same kind, same role. */
        private static String titleKind(HtmlAncestry container, HtmlAncestry wrapper) {
            if (HEADINGS.contains(container.element.normalName()) || container.marks.contains("title")) {
                return container.element.normalName() + "." + container.element.className();
            }
            if (wrapper != null) {
                return container.element.normalName() + ">" + wrapper.element.normalName() + "." + wrapper.element.className();
            }
            return null;
        }

        /**
         * HTML collapses runs of spaces, tabs and line breaks into one space; a no-break space stays as written. Control
         * characters go as in the page's text ({@link ControlCharacters}).
         */
        private static String collapse(String raw) {
            StringBuilder out = new StringBuilder(raw.length());
            boolean space = false;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r' || ControlCharacters.isSpacing(c)) {
                    space = true;
                } else if (!ControlCharacters.isDropped(c)) { // an entity can spell a control character: &#x202E;
                    if (space) {
                        out.append(' ');
                    }
                    space = false;
                    if (!Character.isSurrogate(c)) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                        out.append(c).append(raw.charAt(++i));
                    } else {
                        out.append('\uFFFD'); // jsoup reads "&#xD800;" as a lone surrogate; HTML reads it as U+FFFD
                    }
                }
            }
            if (space) {
                out.append(' ');
            }
            return out.toString();
        }
    }
}
