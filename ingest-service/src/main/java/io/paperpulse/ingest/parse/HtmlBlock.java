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
 * links, and whether it stands in the page's frame (navigation, banner, footer, sidebar) rather than its content.
 */
record HtmlBlock(String text, Element container, String titleKind, boolean markedAbstract, boolean markedMeta,
        List<String> links, boolean inFrame) {

    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "details",
            "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "td", "tfoot", "th", "thead", "tr", "ul", "body");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "dt");
    private static final Set<String> TITLE_WRAPPERS = Set.of("a", "strong", "b");
    private static final Set<String> ABSTRACT_WORDS = Set.of("abstract", "summary", "description", "excerpt", "snippet", "tldr");
    private static final Set<String> META_WORDS = Set.of("author", "authors", "byline", "meta", "metadata", "tags", "tag",
            "vote", "votes", "upvote", "upvotes", "stats", "badge", "badges", "date", "time", "comments", "share", "actions");
    private static final Set<String> FRAME_TAGS = Set.of("nav", "aside", "header", "footer");
    static final Pattern MARK_SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Set<String> FRAME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "search");

    static List<HtmlBlock> collect(Element body, Element main) {
        Collector collector = new Collector(main);
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

    private static boolean marked(Element e, Set<String> words) {
        for (String token : markTokens(e)) {
            if (words.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Walks the page, cutting its text into blocks at every block element, as a browser lays it out. */
    private static final class Collector implements NodeVisitor {
        private final Element main;
        private final Deque<Element> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private final List<String> links = new ArrayList<>();
        private final List<HtmlBlock> blocks = new ArrayList<>();
        private boolean hasText;
        private Element wrapper;
        private boolean oneWrapper = true;

        Collector(Element main) {
            this.main = main;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t);
            } else if (node instanceof Element e) {
                if (BLOCK_TAGS.contains(e.normalName())) {
                    flush();
                    open.push(e);
                } else if (e.normalName().equals("br")) {
                    space();
                } else if (e.normalName().equals("a") && e.hasAttr("href")) {
                    links.add(e.attr("href"));
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                flush();
                open.pop();
            }
        }

        private void append(TextNode node) {
            String collapsed = collapse(node.getWholeText());
            if (collapsed.isBlank()) {
                space();
                return;
            }
            Element outer = outermostInline(node);
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

        /** The outermost inline element between a text and its block, or {@code null} when the text stands bare. */
        private Element outermostInline(Node node) {
            Element outer = null;
            for (Element e = node.parent() instanceof Element p ? p : null; e != null && e != open.peek(); e = e.parent()) {
                outer = e;
            }
            return outer;
        }

        private void flush() {
            String blockText = text.toString().strip();
            if (!blockText.isEmpty() && !open.isEmpty()) {
                Element container = open.peek();
                Element titleWrapper = oneWrapper && wrapper != null && TITLE_WRAPPERS.contains(wrapper.normalName()) ? wrapper : null;
                blocks.add(new HtmlBlock(blockText, container, titleKind(container, titleWrapper), markedAbstract(container),
                        marked(container, META_WORDS) || titleWrapper == null && wrapper != null && oneWrapper && marked(wrapper, META_WORDS),
                        List.copyOf(links), inFrame(container)));
            }
            text.setLength(0);
            hasText = false;
            links.clear();
            wrapper = null;
            oneWrapper = true;
        }

        /** "h3.card-title" for a heading, "li>a.link" for a block that is one link or one bold run: same kind, same role. */
        private static String titleKind(Element container, Element wrapper) {
            if (HEADINGS.contains(container.normalName()) || markTokens(container).contains("title")) {
                return container.normalName() + "." + container.className();
            }
            if (wrapper != null) {
                return container.normalName() + ">" + wrapper.normalName() + "." + wrapper.className();
            }
            return null;
        }

        private static boolean markedAbstract(Element container) {
            for (Element e = container; e != null && !e.normalName().equals("body"); e = e.parent()) {
                if (marked(e, ABSTRACT_WORDS)) {
                    return true;
                }
                if (e.normalName().equals("article") || e.normalName().equals("li")) {
                    return false;
                }
            }
            return false;
        }

        private boolean inFrame(Element container) {
            boolean inArticle = false;
            for (Element e = container; e != null; e = e.parent()) {
                String name = e.normalName();
                if (name.equals("article")) {
                    inArticle = true;
                }
                boolean frame = FRAME_TAGS.contains(name) && !(inArticle && (name.equals("header") || name.equals("footer")));
                if (frame || FRAME_ROLES.contains(e.attr("role"))) {
                    return true;
                }
            }
            return main != null && !container.equals(main) && container.closest("main") == null;
        }

        /** HTML collapses runs of spaces, tabs and line breaks into one space; a no-break space stays as written. */
        private static String collapse(String raw) {
            StringBuilder out = new StringBuilder(raw.length());
            boolean space = false;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    space = true;
                } else {
                    if (space) {
                        out.append(' ');
                    }
                    space = false;
                    out.append(c);
                }
            }
            if (space) {
                out.append(' ');
            }
            return out.toString();
        }
    }
}
