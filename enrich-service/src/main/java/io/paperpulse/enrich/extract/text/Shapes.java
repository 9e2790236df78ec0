package io.paperpulse.enrich.extract.text;

/** What a token looks like: capitals, digits, versions, hyphen parts. Pure functions of the characters. */
public final class Shapes {
    private Shapes() {
    }

    /** At least one letter and no lower-case letter: "BERT", "GPT-4", "COVID-19". */
    public static boolean isAllCaps(String s) {
        return isAllCapsBefore(s, s.length());
    }

    /** All capitals, or all capitals and a plural s: "LLM", "PLMs". */
    public static boolean isAcronym(String w) {
        return isAllCaps(w) || w.length() > 2 && w.endsWith("s") && isAllCapsBefore(w, w.length() - 1);
    }

    /** {@link #isAllCaps} of {@code s.substring(0, end)}, without the copy. */
    public static boolean isAllCapsBefore(String s, int end) {
        boolean letter = false;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.isLower(c)) {
                return false;
            }
            letter |= Chars.isLetter(c);
        }
        return letter;
    }

    /** A short form: 2 to 15 letters, digits, hyphens or spaces, starting with a letter, two capitals at least. */
    public static boolean isAcronymLike(String s) {
        int len = s.length();
        if (len < 2 || len > 15 || !Chars.isLetter(s.charAt(0))) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (Chars.isUpper(c)) {
                upper++;
            } else if (!Chars.isLetter(c) && !Chars.isDigit(c) && c != '-' && c != ' ') {
                return false;
            }
        }
        return upper >= 2;
    }

    /**
     * A token that names something by its shape alone: mixed case with an inner capital (RoBERTa, SOBertBase) or
     * capitals with digits (GPT-4, W2PGNN), at least two letters, not starting with a digit.
     */
    public static boolean isModelShape(String w) {
        int len = w.length();
        if (len < 2 || !Chars.isLetter(w.charAt(0))) {
            return false;
        }
        int letters = 0;
        int upper = 0;
        boolean digit = false;
        boolean camel = false;
        int upperRun = 0;
        for (int i = 0; i < len; i++) {
            char c = w.charAt(i);
            if (Chars.isDigit(c)) {
                digit = true;
                upperRun = 0;
            } else if (Chars.isUpper(c)) {
                letters++;
                upper++;
                if (i > 0 && Chars.isLower(w.charAt(i - 1))) {
                    camel = true;
                }
                upperRun++;
            } else if (Chars.isLower(c)) {
                letters++;
                if (upperRun >= 2 && i + 1 < len && Chars.isLower(w.charAt(i + 1))) {
                    camel = true;
                }
                upperRun = 0;
            } else {
                upperRun = 0;
            }
        }
        if (letters < 2) {
            return false;
        }
        if (camel) {
            // "GPUs"-like plural acronyms and "vIsion"/"iPhone"-like words are not names
            if (w.endsWith("s") && isAllCapsBefore(w, len - 1)) {
                return false;
            }
            return digit || upper > 1 || !(Chars.isLower(w.charAt(0)) && Chars.isUpper(w.charAt(1)));
        }
        return digit && upper > 0;
    }

    /** A capital after the first character that does not start a hyphen part: "RoBERTa", not "Self-Attention". */
    public static boolean hasInnerCapital(String w) {
        for (int i = 1; i < w.length(); i++) {
            if (Chars.isUpper(w.charAt(i)) && w.charAt(i - 1) != '-') {
                return true;
            }
        }
        return false;
    }

    /** A version number: up to two digits, then optionally a dot and more digits, five characters at most ("3.0"). */
    public static boolean isVersion(String w) {
        int len = w.length();
        if (len == 0 || len > 5 || !Chars.isDigit(w.charAt(0))) {
            return false;
        }
        int digitsBeforeDot = 0;
        boolean dot = false;
        for (int i = 0; i < len; i++) {
            char c = w.charAt(i);
            if (c == '.') {
                dot = true;
            } else if (!Chars.isDigit(c)) {
                return false;
            } else if (!dot) {
                digitsBeforeDot++;
            }
        }
        return digitsBeforeDot <= 2;
    }

    /**
     * A name with a hyphen part that reads as a release: a dotted version, a size or a reasoning release ("X-1.5-Pro",
     * "Y-7B", "Z-8x7B", "Observe-R1").
     */
    public static boolean isRelease(String w) {
        int from = w.indexOf('-') + 1;
        while (from > 0 && from < w.length()) {
            int to = w.indexOf('-', from);
            to = to < 0 ? w.length() : to;
            if (isDottedVersion(w, from, to) || isSize(w, from, to) || isReasoningRelease(w, from, to)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    /** A name whose last hyphen part is a count in thousands or millions: "ImageNet-1K", "Foo-10k", "Bar-2M". */
    public static boolean isDataSize(String w) {
        int h = w.lastIndexOf('-');
        int len = w.length();
        if (h <= 0 || len - h < 3) {
            return false;
        }
        char last = w.charAt(len - 1);
        return (last == 'K' || last == 'k' || last == 'M') && allDigits(w, h + 1, len - 1);
    }

    /** A reasoning release's last part, "R1" of "Observe-R1" and "DianJin-OCR-R1". */
    private static boolean isReasoningRelease(String w, int from, int to) {
        return to == w.length() && to - from >= 2 && w.charAt(from) == 'R' && allDigits(w, from + 1, to);
    }

    private static boolean isDottedVersion(String w, int from, int to) {
        int dot = from;
        while (dot < to && Chars.isDigit(w.charAt(dot))) {
            dot++;
        }
        return dot > from && dot + 1 < to && w.charAt(dot) == '.' && allDigits(w, dot + 1, to);
    }

    /** "7B", "1.5B", "8x7B", "350M". */
    private static boolean isSize(String w, int from, int to) {
        char last = w.charAt(to - 1);
        if (to - from < 2 || to - from > 6 || !(last == 'B' || last == 'M' || last == 'b') || !Chars.isDigit(w.charAt(from))) {
            return false;
        }
        for (int i = from; i < to - 1; i++) {
            char c = w.charAt(i);
            if (!Chars.isDigit(c) && c != '.' && c != 'x') {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String w, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Non-empty and only lower-case letters. */
    public static boolean isLowerWord(String part) {
        return isLowerWord(part, 0, part.length());
    }

    /** {@link #isLowerWord} of {@code s.substring(from, to)}, without the copy. */
    public static boolean isLowerWord(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Chars.isLower(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Chars.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The part after the last hyphen: "multi-label" -> "label". */
    public static String lastPart(String w) {
        int h = w.lastIndexOf('-');
        return h >= 0 && h + 1 < w.length() ? w.substring(h + 1) : w;
    }

    /** The last CamelCase or hyphen segment of a name: "ExecRepoBench" -> "Bench", "R2C2-Bench" -> "Bench". */
    public static String lastSegment(String name) {
        int b = name.length();
        while (b > 0 && Chars.isLower(name.charAt(b - 1))) {
            b--;
        }
        if (b > 0 && b < name.length() && Chars.isUpper(name.charAt(b - 1))) {
            return name.substring(b - 1);
        }
        return lastPart(name);
    }

    /** The first letter or digit, else the first character. */
    public static char firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return s.charAt(0);
    }

    /** "state-of-the-art", "pre-training": no digit, and more than two hyphen parts or shorter than four. */
    public static boolean isCommonCompound(String w) {
        if (hasDigit(w)) {
            return false;
        }
        int hyphens = 0;
        for (int i = 0; i < w.length(); i++) {
            hyphens += w.charAt(i) == '-' ? 1 : 0;
        }
        return hyphens > 1 || w.length() < 4;
    }
}
