package io.xinference.hub.command.notification;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a mail from {@code classpath:mail/<kind>.txt} and {@code .html} with Thymeleaf: its HTML mode escapes
 * every value written with {@code th:text}, so a model name or feedback cannot inject markup into a mail, and its
 * TEXT mode renders the plain-text part from the same variables. Subjects are one line each, here.
 */
public class MailTemplates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final TemplateEngine engine = new TemplateEngine();

    public MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    public RenderedMail render(MailKind kind, Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>(data);
        if (data.get("expiresAt") instanceof String expiresAt) {
            variables.put("expiresOn", DAY.format(Instant.parse(expiresAt)));
        }
        Context context = new Context(Locale.ROOT, variables);
        return new RenderedMail(oneLine(subject(kind, variables)),
                engine.process(kind.template() + ".txt", context),
                engine.process(kind.template() + ".html", context));
    }

    private static String subject(MailKind kind, Map<String, Object> data) {
        Object model = data.get("modelName");
        return switch (kind) {
            case REVIEW_APPROVED -> "Approved: " + model;
            case REVIEW_REJECTED -> "Changes requested: " + model;
            case NEW_SUBMISSION -> "New submission to review: " + model;
            case EXPIRY_REMINDER -> model + " expires on " + data.get("expiresOn");
            case WEBHOOK_PAUSED -> "Webhook paused: " + data.get("url");
        };
    }

    /** A header is one line: a name with a line break must not add headers. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }

    /** Template names carry their suffix, which picks the resolver and with it the mode. */
    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
