package io.paperpulse.contracts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A raw page's id: the SHA-256 of its bytes, so the same page pushed twice, by any path, is the same digest. */
public final class DigestIds {
    private DigestIds() {
    }

    public static String of(byte[] page) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
