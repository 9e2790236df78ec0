package io.paperpulse.ingest.parse;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises site chrome in a page: the buttons, links, counters and footers around the papers ("Load more",
 * "© 2024 ...", "Terms · Privacy", "12 upvotes", "1.52 stars / hour", "Submitted by ...", "org/repo"). A paper title is never only that: chrome is
 * short, made of interface words or numbers, or marked by a copyright sign. Matching is on the normalised text (case
 * folded, punctuation gone), so "Load more →" and "LOAD MORE" are the same line.
 */
final class ChromeLines {
    private static final int LONGEST_CHROME = 100;
    private static final int LONGEST_PREFIXED_CHROME = 8;

    /** Whole lines of interface text, normalised. */
    private static final Set<String> PHRASES = Set.of(
            "new", "subscribe", "unsubscribe", "newsletter", "get trending papers in your email inbox",
            "byak and the research community", "by ak and the research community", "trending", "trending papers",
            "daily papers", "papers", "models", "datasets", "spaces", "collections", "docs", "pricing", "enterprise",
            "community", "blog", "learn", "forum", "discord", "github", "twitter", "x", "linkedin", "youtube",
            "mastodon", "bluesky", "facebook", "instagram", "reddit", "rss", "changelog", "status", "careers", "jobs",
            "press", "security", "brand assets", "company", "website", "resources", "about", "about us", "contact",
            "contact us", "help", "faq", "support", "feedback", "settings", "theme", "system theme", "light", "dark",
            "dark mode", "light mode", "language", "english", "home", "menu", "search", "search papers", "top",
            "back to top", "scroll to top", "terms", "terms of service", "terms of use", "tos", "privacy",
            "privacy policy", "cookies", "cookie policy", "cookie settings", "accept", "accept all", "decline",
            "reject all", "manage cookies", "load more", "show more", "see more", "view more", "read more", "more",
            "show less", "see less", "view all", "see all", "show all", "next", "previous", "prev", "next page",
            "previous page", "older", "newer", "first", "last", "page", "sign in", "sign up", "log in", "login",
            "log out", "logout", "register", "join", "get started", "sign up to get started", "share", "tweet", "copy",
            "copy link", "cite", "bibtex", "save", "bookmark", "upvote", "upvoted", "vote", "like", "comment",
            "comments", "reply", "code", "arxiv", "arxiv page", "view arxiv page", "pdf", "view pdf", "abstract",
            "paper", "paper page", "project page", "homepage", "demo", "add to collection", "hugging face",
            "huggingface", "papers with code", "the ai community building the future", "join the community",
            "all rights reserved", "powered by hugging face", "loading", "loading more", "no more papers",
            "you have reached the end", "end of list", "advertisement", "sponsored", "ad", "close", "dismiss", "ok",
            "submitted by", "authors", "published", "updated", "today", "yesterday", "this week", "this month",
            "week", "month", "day", "daily", "weekly", "monthly", "filter", "filters", "sort", "sort by", "sorted by",
            "most upvoted", "latest", "popular", "hot", "rising", "stars", "star", "ai generated summary", "summary",
            "tl dr", "tldr", "view paper", "read paper", "open in app", "discussion", "citations", "references");

    /** Openings of interface lines that go on with a name or a number: "Submitted by akhaliq", "Follow us on X". */
    private static final Set<String> PREFIXES = Set.of(
            "submitted by", "posted by", "shared by", "published on", "updated on", "follow us", "powered by",
            "made with", "sign in to", "log in to", "sign up for", "view all", "see all");

    /**
     * Repeated groups are bounded ({@code {0,50}}: a line of chrome is at most {@value #LONGEST_CHROME} characters) and
     * digits possessive, so that a match never backtracks far or recurses deep, whatever the text.
     */
    static final Pattern COUNTER = Pattern.compile(
            "\\d[\\d ]*[km]?(?: (?:upvotes?|votes?|likes?|comments?|authors?|stars?|citations?|views?|points?|replies|reply"
                    + "|downloads?|papers?|models?|datasets?|spaces?|collections?|forks?|results?|min read|minutes?)"
                    + "(?: (?:per |a )?(?:hour|day|week|month|year))?)?"
                    + "|(?:page|showing|results?) \\d++(?: (?:of|to) \\d++){0,20}(?: \\d++){0,50}(?: [a-z]+)?");
    /** A count as interfaces show it: 12, 1k, 3m (after normalising, "1.2k" is "1 2k"). */
    static final Pattern NUMBER = Pattern.compile("\\d+[km]?");
    static final Pattern COPYRIGHT_YEAR = Pattern.compile("copyright \\d{4}.*");
    /** One separator, no spaces around it: each item is normalised, which drops them (and "\\s*" runs are quadratic in a split). */
    static final Pattern SEPARATOR = Pattern.compile("[|·•‧∙/›»]");

    private ChromeLines() {
    }

    static boolean isChrome(String text) {
        if (!hasLetter(text)) { // whatever its length: "<<<<…" or a run of figures is no title and no abstract
            return true;
        }
        if (text.length() > LONGEST_CHROME) {
            return false;
        }
        String key = PaperIds.normalise(text);
        if (key.isEmpty() || !hasLetter(key) || PHRASES.contains(key) || COUNTER.matcher(key).matches() || isCopyright(text, key)) {
            return true;
        }
        return hasChromePrefix(key) || allChromeWords(key) || isChromeList(text) || isPath(text);
    }

    /** "mistralai/mistral-src", "github.com/org/repo": one token with a slash is a link or a repository, never a title. */
    private static boolean isPath(String text) {
        String token = text.strip();
        return token.indexOf('/') >= 0 && token.chars().noneMatch(Character::isWhitespace);
    }

    private static boolean isCopyright(String text, String key) {
        String start = text.stripLeading();
        return start.startsWith("©") || start.startsWith("(c)") || start.startsWith("(C)") || key.contains("all rights reserved")
                || COPYRIGHT_YEAR.matcher(key).matches();
    }

    private static boolean hasChromePrefix(String key) {
        if (key.split(" ").length > LONGEST_PREFIXED_CHROME) {
            return false;
        }
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "1 2 3 Next", "Models Datasets Spaces Docs": every word a number or a one-word interface phrase, and either a
     * number among them or three words at least (two such words, "First abstract", can still be text).
     */
    private static boolean allChromeWords(String key) {
        String[] words = key.split(" ");
        boolean number = false;
        for (String word : words) {
            boolean digits = NUMBER.matcher(word).matches();
            if (!digits && !PHRASES.contains(word)) {
                return false;
            }
            number |= digits;
        }
        return words.length >= 3 || words.length == 2 && number;
    }

    /** "Terms · Privacy Policy · About": items between separators, each one interface text. */
    private static boolean isChromeList(String text) {
        String[] items = SEPARATOR.split(text.strip());
        if (items.length < 2) {
            return false;
        }
        for (String item : items) {
            String key = PaperIds.normalise(item);
            if (!key.isEmpty() && !PHRASES.contains(key) && !COUNTER.matcher(key).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
