package io.paperpulse.enrich.extract.entity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.paperpulse.contracts.EntityType;
import io.paperpulse.enrich.extract.text.Chars;

/** The names one paper defines or uses in a typing context, with their type and the strength of the evidence. */
final class Names {
    final Map<String, EntityType> type = new LinkedHashMap<>();
    final Map<String, Evidence> strength = new HashMap<>();
    final Set<String> blocked = new HashSet<>();

    /** Records a name unless stronger evidence already did; a proposed or defined name also gets its other number. */
    void learn(String name, EntityType t, Evidence s) {
        if (name == null || name.isBlank() || t == null || name.length() > 120) {
            return;
        }
        Evidence old = strength.get(name);
        if (old != null && old.atLeast(s)) {
            return;
        }
        if (blocked.contains(name) && !s.atLeast(Evidence.DEFINED)) {
            return;
        }
        type.put(name, t);
        strength.put(name, s);
        if (s.atLeast(Evidence.PROPOSED) && name.length() > 2 && Chars.isLetter(name.charAt(name.length() - 1))) {
            // "Ptr-Net" / "Ptr-Nets", "... Transformers" / "... Transformer": the other number, a bit weaker
            String other = name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1)
                    : name + "s";
            if (!strength.containsKey(other) && !blocked.contains(other)
                    && Chars.isLetter(other.charAt(other.length() - 1))) {
                type.put(other, t);
                strength.put(other, s.weaker());
            }
        }
    }

    /** Overrides the type of a known name with defining evidence ("X is a ... model"). */
    void retype(String name, EntityType t) {
        type.put(name, t);
        strength.put(name, Evidence.DEFINED);
    }

    /** Keeps a name (and its other number) from being learned by weaker rules: a field, paradigm or family. */
    void block(String name) {
        if (!strength.containsKey(name)) {
            blocked.add(name);
        }
        String other = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "s";
        if (!strength.containsKey(other)) {
            blocked.add(other);
        }
    }
}
