package io.paperpulse.enrich.extract.entity;

import java.util.Locale;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.metric.UnitReader;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;

/**
 * How far a found name reaches: variant suffixes ("ResNet-50", "ERNIE 3.0", "BERT_BASE"), the hyphen compound it
 * ends ("Split-CIFAR100"), the modifier that belongs to a task name ("multi-label text classification").
 */
final class Variants {
    private final Lexicon lex;
    private final TaskModifiers modifiers;

    Variants(Lexicon lex) {
        this.lex = lex;
        this.modifiers = new TaskModifiers(lex);
    }

    /** Extends a known name by variant suffixes: "-50", "-Large", "-1k", " 3.0", "V3". */
    int extend(Field f, int s, int e, EntityType type) {
        if (type == EntityType.TASK || type == EntityType.ORG) {
            return e;
        }
        String text = f.text;
        int len = text.length();
        int end = e;
        for (int guard = 0; guard < 4; guard++) {
            if (end + 1 < len && (text.charAt(end) == '-' || text.charAt(end) == '_' || text.charAt(end) == '\u2011')
                    && Chars.isWordChar(text.charAt(end + 1))) {
                int q = end + 1;
                while (q < len && (Chars.isWordChar(text.charAt(q)) || text.charAt(q) == '.' && q + 1 < len
                        && Chars.isDigit(text.charAt(q - 1)) && Chars.isDigit(text.charAt(q + 1)))) {
                    q++; // "-4.6"
                }
                String part = text.substring(end + 1, q);
                if (Shapes.hasDigit(part) || lex.isNameSuffix(part) || (Chars.isUpper(part.charAt(0)) && !lex.isGeneric(part)
                        && !Words.SETTING_PARTS.contains(part.toLowerCase(Locale.ROOT)))) {
                    end = q;
                    continue;
                }
            }
            break;
        }
        // version after a space: "ERNIE 3.0", "Llama 2", "CoRe 50", "Dreamer V2", "SD v1.5", "Z b2.4"
        boolean v = end + 2 < len && text.charAt(end) == ' ' && Chars.isLetter(text.charAt(end + 1))
                && Chars.isDigit(text.charAt(end + 2));
        if (end == e && end + 1 < len && text.charAt(end) == ' ' && (v || Chars.isDigit(text.charAt(end + 1)))
                && (type == EntityType.MODEL || type == EntityType.DATASET)) {
            int q = end + (v ? 2 : 1);
            int digits = 0;
            while (q < len && Chars.isDigit(text.charAt(q))) {
                q++;
                digits++;
            }
            if (q + 1 < len && text.charAt(q) == '.' && Chars.isDigit(text.charAt(q + 1))) {
                q++;
                while (q < len && Chars.isDigit(text.charAt(q))) {
                    q++;
                }
            }
            if (digits <= 2 && !Chars.isWordCharAt(text, q) && !followsUnit(text, q)) {
                end = q;
            }
        }
        return type == EntityType.MODEL ? sizeEnd(text, end) : end;
    }

    /**
     * Extends a model name by a size after a space, with an upper-case variant before it: "Zephyr 7B", "Llama 2 7B",
     * "Qwen 2.5 VL 3B", "Mixtral 8x7B". A size in a model's name is part of it, not a metric.
     */
    private static int sizeEnd(String text, int end) {
        int len = text.length();
        int at = end;
        if (at + 3 < len && text.charAt(at) == ' ' && Chars.isUpper(text.charAt(at + 1))) {
            int q = at + 1;
            while (q < len && Chars.isUpper(text.charAt(q)) && q - at <= 3) {
                q++;
            }
            at = q - at >= 3 && q < len && text.charAt(q) == ' ' ? q : end; // " VL"
        }
        if (at + 2 >= len || text.charAt(at) != ' ' || !Chars.isDigit(text.charAt(at + 1))) {
            return end;
        }
        int q = at + 1;
        while (q < len && (Chars.isDigit(text.charAt(q)) || text.charAt(q) == '.' && q + 1 < len
                && Chars.isDigit(text.charAt(q + 1)) || text.charAt(q) == 'x' && q + 1 < len && Chars.isDigit(text.charAt(q + 1)))) {
            q++;
        }
        if (q < len && (text.charAt(q) == 'B' || text.charAt(q) == 'M' || text.charAt(q) == 'b') && q - at <= 6
                && !Chars.isWordCharAt(text, q + 1)) {
            return q + 1;
        }
        return end;
    }

    /** True when a number ending at q is followed by %, x, × or "times": a quantity, not a version. */
    static boolean followsUnit(String text, int q) {
        int len = text.length();
        int r = q;
        while (r < len && text.charAt(r) == ' ') {
            r++;
        }
        if (r >= len) {
            return false;
        }
        char c = text.charAt(r);
        if (c == '%' || c == '×' || c == '\\' || c == '-' || c == '/') {
            return true;
        }
        if ((c == 'x' || c == 'X') && (r + 1 >= len || !Chars.isLetter(text.charAt(r + 1)))) {
            return true;
        }
        return UnitReader.ratioWordAt(text, r);
    }

    static boolean followedByTimes(Field f, int k) {
        return followsUnit(f.text, f.end[k]);
    }

    /** Start of the hyphen compound holding offset s when its earlier parts read as name parts, else s. */
    int compoundStart(Field f, int s) {
        int b = s - 1;
        while (b > 0 && (Chars.isWordChar(f.text.charAt(b - 1)) || f.text.charAt(b - 1) == '-')) {
            b--;
        }
        if (b > 0 && f.text.charAt(b - 1) == '.' || b >= s - 1) {
            return s;
        }
        for (String part : f.text.substring(b, s - 1).split("-")) {
            if (part.isEmpty() || Shapes.isLowerWord(part) || lex.isGeneric(part)
                    || Words.NOT_MODIFIERS.contains(part.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return b;
    }

    /**
     * Start of a task name widened by the one modifier before it: a two-part hyphenated word ("Zero-Shot Voice
     * Conversion", "multi-label text classification"), a coined name ("Doc2Doc Information Retrieval") or, before a
     * lower-case task, a lower-case domain word ("legal summarization"); else {@code s}.
     */
    int taskModifierStart(Field f, int s) {
        int k = f.tokenAt(s);
        if (k <= 0 || !f.gapIsSpace(k) || f.sentenceStart[k] || f.inUrl[k - 1]) {
            return s;
        }
        String w = f.tok[k - 1];
        String lower = w.toLowerCase(Locale.ROOT);
        if (Words.NOT_MODIFIERS.contains(lower) || lex.isNotName(w) || Shapes.hasDigit(w) && !Chars.isLetter(w.charAt(0))) {
            return s;
        }
        int hyphens = 0;
        for (int i = 0; i < w.length(); i++) {
            hyphens += w.charAt(i) == '-' ? 1 : 0;
        }
        // "multi-label", "open-domain" name the task; "GPT-based", "data-efficient", "third-party" end in a setting word
        String part = lower.substring(lower.indexOf('-') + 1);
        if (hyphens == 1 && !Words.SETTING_PARTS.contains(part) && !Words.NOT_MODIFIERS.contains(part) && Chars.isLetter(w.charAt(0))) {
            return f.start[k - 1];
        }
        if (Shapes.isModelShape(w)) {
            return f.start[k - 1];
        }
        boolean lowerTask = Chars.isLower(f.text.charAt(s));
        if (lowerTask && hyphens == 0 && Shapes.isLowerWord(w) && w.length() > 3 && lex.head(w) == null && !lex.isGeneric(w)
                && !f.sentenceStart[k - 1] && modifiers.isModifier(w, false, false) && !TaskModifiers.isVerbAt(f, k - 1)) {
            return f.start[TaskModifiers.withLatinFirstWord(f, k - 1)];
        }
        return s;
    }

    static String lastWord(String text, int s, int e) {
        int b = e;
        while (b > s && Chars.isWordChar(text.charAt(b - 1))) {
            b--;
        }
        return text.substring(b, e);
    }
}
