package io.paperpulse.notify.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.paperpulse.notify.config.NotifyConfig;
import io.paperpulse.notify.delivery.DeliveryDocument.PaperSnapshot;
import io.paperpulse.notify.subscription.Credentials;
import io.paperpulse.notify.subscription.SubscriptionDocument;
import io.paperpulse.notify.trending.TrendingEntity;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Sends a subscription's papers as one e-mail over SMTP, HTML and text rendered by Qute, with a one-click unsubscribe
 * (RFC 8058): a link in the message bearing the subscription's token, and the {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} headers a mail client's own unsubscribe button uses.
 */
@ApplicationScoped
public class MailSender {

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotifyConfig config;

    @Inject
    Credentials credentials;

    @Inject
    @Location("digest.html")
    Template html;

    @Inject
    @Location("digest.txt")
    Template text;

    /** {@code trending} is empty unless the subscription asks for it. */
    public Uni<Void> send(SubscriptionDocument subscription, List<PaperSnapshot> papers, List<TrendingEntity> trending) {
        String unsubscribe = unsubscribeUrl(subscription);
        String subject = subscription.isDaily() ? "PaperPulse daily: " + count(papers.size()) + " for your subscription"
                : "PaperPulse: " + count(papers.size()) + " for your subscription";
        Mail mail = new Mail().addTo(subscription.email).setSubject(subject)
                .setHtml(data(html.instance(), subscription, papers, trending, unsubscribe).render())
                .setText(data(text.instance(), subscription, papers, trending, unsubscribe).render())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mailer.send(mail);
    }

    public String unsubscribeUrl(SubscriptionDocument subscription) {
        String base = config.publicUrl().toString().replaceAll("/+$", "");
        return base + "/subscriptions/" + subscription.id + "/unsubscribe?token="
                + URLEncoder.encode(credentials.token(subscription.id, subscription.salt), StandardCharsets.UTF_8);
    }

    private static TemplateInstance data(TemplateInstance t, SubscriptionDocument s, List<PaperSnapshot> papers,
            List<TrendingEntity> trending, String unsubscribe) {
        return t.data("daily", s.isDaily()).data("papers", papers).data("trending", trending).data("unsubscribe", unsubscribe);
    }

    private static String count(int papers) {
        return papers == 1 ? "1 new paper" : papers + " new papers";
    }
}
