package io.paperpulse.notify.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.paperpulse.notify.api.SubscriptionRequest.QueryBody;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.notify.subscription.SubscriptionDocument.QueryDocument;
import io.paperpulse.search.BadParameterException;
import io.paperpulse.search.PaperFilter;

/**
 * What a subscription may be: a request applied onto a subscription (a new one, or the stored one for a PATCH),
 * checked as a whole afterwards, so that a PATCH cannot leave it half valid. A bad field is a
 * {@link BadParameterException} naming it (400). Whether a webhook's host is a public address is asked separately, as
 * it takes a DNS look-up.
 */
final class SubscriptionRules {
    static final int MAX_URL = 2000;
    static final int MAX_EMAIL = 254;
    static final int MAX_TRENDING = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private SubscriptionRules() {
    }

    static void apply(SubscriptionRequest request, SubscriptionDocument s, boolean allowHttp) {
        if (request == null) {
            throw new BadParameterException("body", "must be a JSON object");
        }
        if (request.query() != null) {
            s.query = query(request.query());
        }
        if (request.webhook() != null && request.email() != null) {
            throw new BadParameterException("webhook", "and 'email' cannot both be given");
        }
        if (request.webhook() != null) {
            s.webhook = webhook(request.webhook(), allowHttp).toString();
            s.email = null;
        }
        if (request.email() != null) {
            s.email = email(request.email());
            s.webhook = null;
        }
        if (request.mode() != null) {
            s.mode = mode(request.mode());
            if (!s.isDaily()) {
                s.hour = null;
                s.trending = null;
            }
        }
        if (request.hour() != null) {
            s.hour = request.hour();
        }
        if (request.trending() != null) {
            s.trending = request.trending();
        }
        check(s);
    }

    private static void check(SubscriptionDocument s) {
        if (s.query == null) {
            throw new BadParameterException("query", "is required: the filters of GET /papers, at least one");
        }
        if (s.webhook == null && s.email == null) {
            throw new BadParameterException("webhook", "or 'email' is required");
        }
        if (s.mode == null) {
            throw new BadParameterException("mode", "is required: instant or daily");
        }
        if (s.isDaily() && (s.hour == null || s.hour < 0 || s.hour > 23)) {
            throw new BadParameterException("hour", "must be a whole number from 0 to 23 (UTC) for mode daily");
        }
        if (!s.isDaily() && s.hour != null) {
            throw new BadParameterException("hour", "applies to mode daily only");
        }
        if (s.trending != null && !s.isDaily()) {
            throw new BadParameterException("trending", "applies to mode daily only");
        }
        if (s.trending != null && (s.trending < 1 || s.trending > MAX_TRENDING)) {
            throw new BadParameterException("trending", "must be a whole number from 1 to " + MAX_TRENDING);
        }
    }

    /** The query as stored, once it reads as a filter of {@code GET /papers} that filters something. */
    static QueryDocument query(QueryBody body) {
        QueryDocument q = new QueryDocument();
        q.q = body.q();
        q.model = body.model();
        q.dataset = body.dataset();
        q.task = body.task();
        q.org = body.org();
        q.framework = body.framework();
        q.entity = body.entity();
        q.hasCode = body.hasCode();
        q.from = body.from();
        q.to = body.to();
        PaperFilter filter = q.toParams().toFilter();
        if (filter.query().isEmpty() && filter.entities().isEmpty() && filter.hasCode() == null && filter.from() == null && filter.to() == null) {
            throw new BadParameterException("query", "must name at least one filter (q, model, dataset, task, org, framework, entity, hasCode, from, to)");
        }
        return q;
    }

    static URI webhook(String value, boolean allowHttp) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new BadParameterException("webhook", "must be an https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || allowHttp && scheme.equals("http");
        if (!schemeOk || uri.getHost() == null || uri.getRawUserInfo() != null || value.length() > MAX_URL) {
            throw new BadParameterException("webhook", "must be an https URL with a host, no user info, at most " + MAX_URL + " characters");
        }
        return uri;
    }

    static String email(String value) {
        String address = value.strip();
        if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
            throw new BadParameterException("email", "must be an e-mail address such as reader@example.org");
        }
        return address;
    }

    static String mode(String value) {
        String mode = value.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals(SubscriptionDocument.INSTANT) && !mode.equals(SubscriptionDocument.DAILY)) {
            throw new BadParameterException("mode", "must be instant or daily");
        }
        return mode;
    }
}
