package io.paperpulse.notify.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.notify.config.NotifyConfig;

/**
 * A subscription's token and webhook secret. Both are derived, HMAC-SHA256 with the service's signing key, from the
 * subscription id and a random salt, and only their SHA-256 hashes are stored: a copy of the store alone reveals
 * neither, yet the service can sign every webhook with the secret and put the token in every e-mail's unsubscribe
 * link, which an encrypted copy or a hash alone would not both allow. A new salt replaces both.
 */
@ApplicationScoped
public class Credentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    NotifyConfig config;

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return BASE64.encodeToString(salt);
    }

    public static String newId() {
        byte[] id = new byte[9];
        RANDOM.nextBytes(id);
        return "sub_" + BASE64.encodeToString(id);
    }

    public String token(String id, String salt) {
        return "ppt_" + derive("token", id, salt);
    }

    public String secret(String id, String salt) {
        return "whsec_" + derive("webhook-secret", id, salt);
    }

    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code presented} hashes to {@code storedHash}, in time independent of where they differ. */
    public static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null
                && MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Hex HMAC-SHA256 of {@code text} with {@code key}: a webhook's signature with its secret as the key. */
    public static String hmacHex(String key, String text) {
        return HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), text));
    }

    private String derive(String purpose, String id, String salt) {
        return BASE64.encodeToString(hmac(config.signingKey().getBytes(StandardCharsets.UTF_8), purpose + '\0' + id + '\0' + salt));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
