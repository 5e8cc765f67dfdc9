package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.devstack.TestServices;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * The real mail catcher of {@code ./hub test} (GreenMail 2.1 standalone), read through its REST API:
 * {@code GET /api/user/{email}/messages/INBOX} answers each message with its raw MIME text. Other tests share the
 * catcher, so callers look for their own subjects and never purge it.
 */
final class MailCatcher {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Session SESSION = Session.getInstance(new Properties());

    record Mail(String from, List<String> to, String subject, String text, String html) {
    }

    private MailCatcher() {
    }

    static List<Mail> inbox(String address) {
        String url = TestServices.mailApiUrl() + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of(); // GreenMail knows an address only once something was delivered to it
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode message : Api.JSON.readTree(response.body())) {
                mails.add(parse(message.path("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Mail> withSubject(String address, String subject) {
        return inbox(address).stream().filter(mail -> subject.equals(mail.subject())).toList();
    }

    /** Waits (up to a minute) for a mail with exactly this subject to reach the address. */
    static Mail awaitMail(String address, String subject) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> withSubject(address, subject).stream().findFirst(), Optional::isPresent).orElseThrow();
    }

    private static Mail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            List<String> to = new ArrayList<>();
            for (var address : message.getAllRecipients()) {
                to.add(((InternetAddress) address).getAddress());
            }
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Mail(((InternetAddress) message.getFrom()[0]).getAddress(), to, message.getSubject(),
                    text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the mail catcher returned a message that is not MIME", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        }
    }
}
