package io.paperpulse.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local platform's SMTP server: GreenMail on 127.0.0.1, accepting every message for any address, each written to
 * a folder as an {@code .eml} file (what {@code ./paperpulse mail} lists), so that nothing a local notify-service sends
 * leaves the machine and every message can be read.
 */
public final class LocalMail implements AutoCloseable {
    private final GreenMail mail;
    private final Path folder;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
    /** Messages of earlier runs in the folder: this run's are numbered on from them. */
    private int earlier;
    /** This run's messages written so far. */
    private int written;

    /** {@code port} 0: any free one. */
    public LocalMail(int port, Path folder) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.mail = new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
        this.folder = folder;
    }

    public LocalMail start() {
        try {
            Files.createDirectories(folder);
            try (var files = Files.list(folder)) {
                earlier = (int) files.filter(f -> f.toString().endsWith(".eml")).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mail.start();
        saver.scheduleWithFixedDelay(this::saveNew, 200, 200, TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return mail.getSmtp().getPort();
    }

    public String where() {
        return "smtp 127.0.0.1:" + mail.getSmtp().getPort() + ", messages in " + folder;
    }

    /** Writes the messages received since the last call. */
    private synchronized void saveNew() {
        MimeMessage[] received = mail.getReceivedMessages();
        for (; written < received.length; written++) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(String.format("%06d.eml", earlier + written + 1)))) {
                received[written].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("local mail: could not save a message: " + e);
            }
        }
    }

    @Override
    public void close() {
        saver.shutdown();
        saveNew();
        mail.stop();
    }
}
