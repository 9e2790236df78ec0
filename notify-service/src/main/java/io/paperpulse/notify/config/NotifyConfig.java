package io.paperpulse.notify.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of notify-service: {@code paperpulse.notify.*} in application.properties, where each has its env-var override. */
@ConfigMapping(prefix = "paperpulse.notify")
public interface NotifyConfig {

    /** The bearer key that may create subscriptions; without one, none can be created. */
    Optional<String> apiKey();

    /**
     * The service key every webhook secret is derived from (with the subscription's salt): the store then holds no
     * secret at all, only its hash.
     */
    String signingKey();

    /** Whether webhooks may go to loopback, link-local or private addresses, and over plain http: the local platform only. */
    boolean allowPrivate();

    /** Where the service is reached from outside: the base of the unsubscribe links in e-mails. */
    URI publicUrl();

    Writes writes();

    Matching matching();

    Delivery delivery();

    interface Writes {
        /** First wait before a poll's store write is tried again after an outage; each further wait doubles. */
        Duration retryBackoff();

        Duration retryMaxBackoff();
    }

    interface Matching {
        /** How often the subscriptions are read again from the store (changes made through another replica). */
        Duration reloadInterval();
    }

    interface Delivery {
        /** How often due deliveries are looked for. */
        Duration pollInterval();

        /** Most webhook calls and e-mails in flight at once; each subscription has at most one. */
        int maxConcurrent();

        /** Longest wait for one webhook call. */
        Duration timeout();

        /** First wait before a failed delivery is tried again; each further wait doubles (with jitter), up to {@link #maxBackoff()}. */
        Duration firstBackoff();

        Duration maxBackoff();

        /** How long a delivery is tried before it is given up and its subscription marked failing. */
        Duration giveUpAfter();

        /** Given-up deliveries in a row after which a subscription is paused. */
        @WithDefault("3")
        int pauseAfterFailures();

        /** Most papers in one message; a larger backlog goes out in several. */
        @WithDefault("100")
        int maxPapers();
    }
}
