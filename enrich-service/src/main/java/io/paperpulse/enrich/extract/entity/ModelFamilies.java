package io.paperpulse.enrich.extract.entity;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;
import io.paperpulse.enrich.extract.text.Shapes;
import io.paperpulse.enrich.extract.text.TokenPool;

/**
 * The model families of the gazetteer (the letters a listed model name starts with: "Claude" of "Claude 3.5", "Qwen"
 * of "Qwen2.5"), so that a release written in any case, with a version the lists do not hold, is a model:
 * "gpt-5.3-codex", "claude-opus-4.6", "kimi-2.5", "Deepseek-r1-7b". Frequent and generic words are no family.
 */
final class ModelFamilies {
    private final TokenPool families;

    ModelFamilies(Gazetteer gaz, Lexicon lex) {
        Set<String> found = new HashSet<>();
        gaz.surfacesOf(EntityType.MODEL).forEach(name -> {
            int b = 0;
            while (b < name.length() && Chars.isLetter(name.charAt(b))) {
                b++;
            }
            String family = name.substring(0, b).toLowerCase(Locale.ROOT);
            if (b >= 3 && !lex.isGeneric(family) && !Words.COMMON.contains(family) && !Words.COMMON.contains(name.substring(0, b))) {
                found.add(family);
            }
        });
        this.families = new TokenPool(found);
    }

    /** True when the token is a family, then a hyphen or a digit, then a rest with a digit: a versioned release. */
    boolean isVersioned(String w) {
        int b = 0;
        while (b < w.length() && Chars.isLetter(w.charAt(b))) {
            b++;
        }
        if (b < 3 || b + 1 >= w.length() || !(w.charAt(b) == '-' || Chars.isDigit(w.charAt(b)))) {
            return false;
        }
        return Shapes.hasDigit(w) && families.lowerCaseOf(w, 0, b) != null;
    }
}
